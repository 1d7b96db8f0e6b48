<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>Announcer</name>
    <message>
        <location filename="../../kiosk/ui/shared/voice.py" line="366"/>
        <source>请 {number} 号到 {window} 号窗口</source>
        <translation>Number {number}, please go to window {window}</translation>
    </message>
</context>
<context>
    <name>ApplicantScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="218"/>
        <source>容缺受理 · 申请人</source>
        <translation>Accept now, submit later: applicant</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="300"/>
        <source>容缺受理：{service}</source>
        <translation>Accept now, submit later: {service}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="301"/>
        <source>谁来申请？</source>
        <translation>Who is applying?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="302"/>
        <source>个人（身份证）</source>
        <translation>A person (ID card)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="303"/>
        <source>企业等单位（信用代码）</source>
        <translation>A company (credit code)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="306"/>
        <source>带齐材料，按普通方式取号</source>
        <translation>Bring every document and take an ordinary ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="307"/>
        <source>下一步：查看承诺书</source>
        <translation>Next: read the commitment letter</translation>
    </message>
</context>
<context>
    <name>AppointmentsPanel</name>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="104"/>
        <source>这一天已经过去了</source>
        <translation>This date has passed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="106"/>
        <source>请写成 {example} 这样的日期</source>
        <translation>Write the date like {example}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="112"/>
        <source>如 09:30</source>
        <translation>Like 09:30</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="116"/>
        <source>时间已过</source>
        <translation>Already past</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="118"/>
        <source>窗口不叫号</source>
        <translation>Hall closed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="121"/>
        <source>请填事项编码，例如 QYKB-001</source>
        <translation>Enter a service code, e.g. QYKB-001</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="123"/>
        <source>没有这个事项编码</source>
        <translation>No service has this code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="127"/>
        <source>请填身份证号</source>
        <translation>Enter the ID number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="127"/>
        <source>身份证号是 18 位</source>
        <translation>An ID number has 18 characters</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="128"/>
        <source>身份证号码有误，请逐位核对</source>
        <translation>This ID number isn&apos;t valid. Check each digit.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="128"/>
        <source>身份证号码不对</source>
        <translation>This ID number isn&apos;t valid</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="131"/>
        <source>请填手机号</source>
        <translation>Enter the mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="131"/>
        <source>不是 11 位手机号</source>
        <translation>Not an 11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="164"/>
        <source>预约登记</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="165"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="166"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="166"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="166"/>
        <source>事项编码</source>
        <translation>Service code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="167"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="167"/>
        <source>手机号</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="180"/>
        <source>登记预约</source>
        <translation>Book</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="183"/>
        <source>已预约。请把预约码告诉办事人：{code}</source>
        <translation>Booked. Give the applicant this code: {code}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="185"/>
        <source>⚠ 此人这个时间已经有预约，预约码 {code}，没有重复登记</source>
        <translation>⚠ Already booked at this time (code {code}): not booked again</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="190"/>
        <source>事项：{name}</source>
        <translation>Service: {name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/appointments.py" line="191"/>
        <source>核对无误后点“登记预约”，把预约码告诉办事人。</source>
        <translation>Check the details, tap “Book” and give the applicant the code.</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="444"/>
        <source>{n} 号窗口</source>
        <translation>Window {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="494"/>
        <location filename="../../kiosk/ui/board/window.py" line="508"/>
        <source>正在叫号：{number} 号请到 {window} 号窗口</source>
        <translation>Now calling {number}: please go to Window {window}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="501"/>
        <source>正在叫号：暂无</source>
        <translation>Now calling: no number yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="512"/>
        <source>其他正在叫号（另有 {n} 个）</source>
        <translation>Also calling ({n} more)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="514"/>
        <source>其他正在叫号</source>
        <translation>Also calling</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="524"/>
        <source>{number}，{window}，{time} 叫号</source>
        <translation>{number}, {window}, called at {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="537"/>
        <source>{category}：{n} 人等候</source>
        <translation>{category}: {n} waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="550"/>
        <source>另有 {n} 个窗口暂停服务：{windows}</source>
        <translation>{n} more windows paused: {windows}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="556"/>
        <source>{n} 号窗口暂停：{reason}</source>
        <translation>Window {n} paused: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="563"/>
        <source>字幕（声音已关）</source>
        <translation>Captions (sound off)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="493"/>
        <source>第 {n} 次叫号</source>
        <translation>Called {n} times</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="563"/>
        <source>语音播报</source>
        <translation>Announcement</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="565"/>
        <source>叫号信息暂时无法更新，正在重新连接，请留意窗口叫号</source>
        <translation>Calls can&apos;t be updated right now; reconnecting. Please listen for your number at the windows.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="567"/>
        <source>系统提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="578"/>
        <source>温馨提示</source>
        <translation>Please note</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="588"/>
        <source>播报声音：关</source>
        <translation>Sound: off</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="590"/>
        <source>播报声音：开</source>
        <translation>Sound: on</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="588"/>
        <source>播报声音：关，按下打开</source>
        <translation>Sound: off. Press to turn it on</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="575"/>
        <source>过号了？请到服务台说明，可重新排队</source>
        <translation>Missed your number? Ask at the information desk to rejoin the queue.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="590"/>
        <source>播报声音：开，按下关闭</source>
        <translation>Sound: on. Press to turn it off</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="611"/>
        <source>叫号信息</source>
        <translation>Calling board</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="472"/>
        <source>正在叫号</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="472"/>
        <source>今日已停止取号</source>
        <translation>No more tickets today</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="476"/>
        <source>今日办理结束</source>
        <translation>Closed for today</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="478"/>
        <source>下次开始办理：{when}</source>
        <translation>We open again at {when}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="484"/>
        <source>{when} 开始叫号，请留意屏幕和语音</source>
        <translation>Calling starts at {when}: please watch this screen and listen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="486"/>
        <source>暂未叫号，请留意屏幕和语音</source>
        <translation>No number called yet: please watch this screen and listen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="571"/>
        <source>请在办公时间前来取号办理</source>
        <translation>Please come during opening hours to take a ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="573"/>
        <source>今日已停止取号，已取号的请留意叫号</source>
        <translation>No more tickets today. If you have one, please watch this screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="612"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="614"/>
        <source>最近叫号</source>
        <translation>Recently called</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="616"/>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="616"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="616"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="618"/>
        <source>今天还没有叫号</source>
        <translation>No calls yet today</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="620"/>
        <source>办公时间：{hours}</source>
        <translation>Opening hours: {hours}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="621"/>
        <source>“五个零”服务承诺：零材料 · 零距离 · 零等待 · 零差别 · 零障碍</source>
        <translation>Our “Five Zeros” pledge: no documents needed · we come to you · open at lunchtime · same service at every window · no barriers</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board/window.py" line="623"/>
        <source>办不成事？请到 {windows} 号专窗</source>
        <translation>Not sorted out elsewhere? Problem-solving window: Window {windows}</translation>
    </message>
</context>
<context>
    <name>CardReader</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/devices.py" line="25"/>
        <source>读卡失败。请把身份证重新放到读卡区，或用数字键输入身份证号。</source>
        <translation>We couldn&apos;t read the card. Please place your resident ID card on the reader again, or type the number on the keypad.</translation>
    </message>
</context>
<context>
    <name>CaseClosePanel</name>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="271"/>
        <source>请选择处理结果</source>
        <translation>Choose the outcome</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="273"/>
        <source>处理说明写得不对，请按提示修改</source>
        <translation>The note can&apos;t be kept as it is: see the note under it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="292"/>
        <source>结案：{number}</source>
        <translation>Close the case: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="292"/>
        <source>结案</source>
        <translation>Close the case</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="293"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="294"/>
        <source>选择处理结果，可以写一句处理说明。结案后，市民的电话号码即删除。</source>
        <translation>Choose the outcome and, if you like, add a note. Once the case is closed, the citizen&apos;s number is deleted.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="298"/>
        <source>处理说明（可选）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="299"/>
        <source>处理说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="307"/>
        <source>确认结案</source>
        <translation>Close the case</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="153"/>
        <source>结案…</source>
        <extracomment>Before a problem (its words say it; the mark says it to whoever cannot tell red).</extracomment>
        <translation>Close…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="153"/>
        <source>结案</source>
        <translation>Close the case</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="157"/>
        <source>办不成事反映</source>
        <translation>Problem-solving window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="167"/>
        <source>办不成事反映 · 第 {n} 号 · {time} 登记</source>
        <translation>Problem report no. {n} · recorded {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="168"/>
        <source>想办的事：{what}</source>
        <translation>Wanted to do: {what}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="169"/>
        <source>遇到的问题：{snags}</source>
        <translation>What went wrong: {snags}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="172"/>
        <source>补充说明：{text}</source>
        <translation>In their words: {text}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="174"/>
        <source>回电号码：{phone}</source>
        <translation>Call back on: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="175"/>
        <source>没有留电话：请当面告知结果</source>
        <translation>No number left: tell them the outcome in person</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="179"/>
        <source>待结案</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="184"/>
        <source>✓ 已由其他窗口结案：{outcome}</source>
        <translation>✓ Closed by another window: {outcome}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/cases.py" line="185"/>
        <source>✓ 已结案：{outcome}</source>
        <translation>✓ Closed: {outcome}</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="22"/>
        <source>找不到要办的事项</source>
        <translation>I couldn&apos;t find the service I need</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="23"/>
        <source>材料要求不清楚或太多</source>
        <translation>The documents asked for were unclear or too many</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="24"/>
        <source>被推来推去</source>
        <translation>I was sent from one place to another</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="25"/>
        <source>窗口说系统办不了</source>
        <translation>The window said the system can&apos;t do it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="26"/>
        <source>说我不符合条件，但没说清为什么</source>
        <translation>I was told I don&apos;t qualify, but not why</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="27"/>
        <source>办得太久</source>
        <translation>It is taking too long</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="28"/>
        <source>网上办不成</source>
        <translation>It didn&apos;t work online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="29"/>
        <source>其他问题</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="32"/>
        <source>当场解决</source>
        <translation>Solved on the spot</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="33"/>
        <source>协调后解决</source>
        <translation>Solved after follow-up</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="34"/>
        <source>转交主管部门</source>
        <translation>Referred to the department</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="35"/>
        <source>依法不能办，已解释清楚</source>
        <translation>Not possible by law; explained</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="38"/>
        <source>服务态度</source>
        <translation>Staff attitude</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="39"/>
        <source>办事流程</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="40"/>
        <source>环境设施</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="41"/>
        <source>政策建议</source>
        <translation>Policy suggestions</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="42"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="44"/>
        <source>周一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="44"/>
        <source>周二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="44"/>
        <source>周三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="45"/>
        <source>周四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="45"/>
        <source>周五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="45"/>
        <source>周六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="46"/>
        <source>周日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="77"/>
        <source>最多 {limit} 个字，现在 {n} 个字，请删去 {extra} 个字</source>
        <translation>At most {limit} characters: this has {n}. Please delete {extra}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="80"/>
        <source>有看不见的特殊字符（如方向标记），请清空后重新输入</source>
        <translation>This holds invisible characters (such as direction marks). Please clear it and type it again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="82"/>
        <source>不能输入表情符号，请删去后再试</source>
        <translation>Emoji can&apos;t be used here. Please delete them.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="85"/>
        <source>已输入 {n} 个字，最多 {limit} 个字</source>
        <translation>{n} of at most {limit} characters</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="96"/>
        <source>手机号只能是数字</source>
        <translation>A mobile number has digits only</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="98"/>
        <source>还差 {n} 位</source>
        <translation>Digits still needed: {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="100"/>
        <source>手机号是 11 位，多了 {n} 位</source>
        <translation>A mobile number has 11 digits: {n} too many</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/casewords.py" line="102"/>
        <source>手机号应以 13–19 开头</source>
        <translation>Chinese mobile numbers start with 13–19</translation>
    </message>
</context>
<context>
    <name>CatalogueScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="286"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="286"/>
        <source>按主题</source>
        <translation>By theme</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="286"/>
        <source>按部门</source>
        <translation>By department</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="286"/>
        <source>按对象</source>
        <translation>By applicant</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="289"/>
        <source>输入拼音首字母或全拼，如 yyzz、shebao</source>
        <translation>Type English or pinyin, e.g. licence, yyzz, shebao</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="290"/>
        <source>搜索框</source>
        <translation>Search box</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="294"/>
        <source>取号：帮办代办</source>
        <translation>Take a ticket: assisted service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="291"/>
        <source>没找到？换个词试试，或按主题查找；也可以取号，请工作人员帮您办。</source>
        <translation>Nothing found? Try another word or browse by theme. You can also take a ticket and our staff will help you.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="292"/>
        <source>没有完全相符的事项。您要找的是不是：</source>
        <translation>Nothing matches exactly. Did you mean:</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="293"/>
        <source>取号：综合咨询</source>
        <translation>Take a ticket: enquiries</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="295"/>
        <source>取号：办不成事反映</source>
        <translation>Take a ticket: problem-solving window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="304"/>
        <source>个人办事</source>
        <translation>For individuals</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="304"/>
        <source>企业办事</source>
        <translation>For businesses</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="305"/>
        <source>{n} 个事项</source>
        <translation>{n} services</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="317"/>
        <source>找到 {n} 项，先列出最相关的 {m} 项，请继续输入</source>
        <translation>{n} found: the {m} best matches are listed. Keep typing to narrow them down.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="319"/>
        <source>找到 {n} 项</source>
        <translation>Results: {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="323"/>
        <source>请选择一类</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="334"/>
        <source>共 {n} 个事项、{m} 个一件事</source>
        <translation>{n} services and {m} service packages</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="338"/>
        <source>{what}：共 {n} 项</source>
        <translation>{what} ({n})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="373"/>
        <source>一件事 · 含 {n} 个事项</source>
        <translation>Service package · {n} services</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="375"/>
        <source>即办件</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="375"/>
        <source>承诺件</source>
        <translation>Within set working days</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="376"/>
        <source>零跑动</source>
        <translation>No visit needed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="376"/>
        <source>最多跑一次</source>
        <translation>At most one visit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/catalogue.py" line="393"/>
        <source>匹配：</source>
        <translation>Matched: </translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="57"/>
        <source>{y} 年 {m} 月 {d} 日</source>
        <extracomment>Characters a code never has (they look like others): said at the field when typed.</extracomment>
        <translation>{d}/{m}/{y}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="306"/>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="314"/>
        <source>预约码只有字母和数字</source>
        <translation>A code has only letters and digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="308"/>
        <source>预约码里没有 0、1、I、L、O，请对照短信再看一下</source>
        <translation>Codes never contain 0, 1, I, L or O. Please check the text message.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="310"/>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="322"/>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="335"/>
        <source>还差 {n} 位</source>
        <translation>{n} more needed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="312"/>
        <source>预约码是 {n} 位，多了 {m} 位</source>
        <translation>A code has {n} characters: {m} too many</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="326"/>
        <source>只有最后一位可以是 X</source>
        <translation>Only the last character can be X</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="327"/>
        <source>第 7–14 位的出生日期不对，请核对</source>
        <translation>Digits 7–14 are not a valid date of birth. Please check.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="328"/>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="501"/>
        <source>身份证号码有误，请逐位核对</source>
        <translation>This ID number isn&apos;t valid. Please check each digit.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="328"/>
        <source>身份证号码不对</source>
        <translation>This ID number isn&apos;t valid</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="336"/>
        <source>手机号应以 13–19 开头</source>
        <translation>Chinese mobile numbers start with 13–19</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="395"/>
        <source>预约优先 · 预约时间 {time}</source>
        <translation>Appointment: called first · booked for {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="398"/>
        <source>比预约时间 {time} 晚了 {m} 分钟（超过 {grace} 分钟），按普通号排队</source>
        <translation>{m} minutes after your {time} appointment (more than {grace}): you queue as usual</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="400"/>
        <source>普通号：预约签到 {time} 开始，您选了现在取号</source>
        <translation>Regular ticket: check-in for your appointment opens at {time}, you chose to queue now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="438"/>
        <source>到了请签到：预约时间前后 {grace} 分钟内签到，优先叫号。</source>
        <translation>Check in when you arrive: within {grace} minutes of your appointment, you are called first.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="439"/>
        <source>用预约码签到</source>
        <translation>Check in with the code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="440"/>
        <source>用身份证和手机号签到</source>
        <translation>Check in with ID card and mobile</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="441"/>
        <source>请输入预约短信里的 6 位预约码</source>
        <translation>Enter the 6-character code from your text message</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="442"/>
        <source>6 位字母和数字</source>
        <translation>6 letters and digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="443"/>
        <source>预约码</source>
        <translation>Appointment code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="444"/>
        <source>请把身份证放到读卡区（演示：点一张卡）</source>
        <translation>Scan your ID card (demo: tap a card)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="450"/>
        <source>（已读取）</source>
        <translation> (scanned)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="452"/>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="456"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="453"/>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="457"/>
        <source>预约时留的手机号</source>
        <translation>Your mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="454"/>
        <source>18 位，最后一位可以是 X</source>
        <translation>18 characters, the last may be X</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="455"/>
        <source>11 位手机号</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="467"/>
        <source>签到</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="468"/>
        <source>现在取普通号</source>
        <translation>Take a regular ticket now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="469"/>
        <source>重新打印小票</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="470"/>
        <source>取号办事</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="481"/>
        <source>您预约的是 {slot}，{opens} 起可以签到（提前 {grace} 分钟）。可以到时再来签到，也可以现在取普通号，按顺序排队。</source>
        <translation>Your appointment is at {slot}. Check-in opens at {opens} ({grace} minutes before). Come back then, or take a regular ticket now and queue as usual.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="485"/>
        <source>这个预约是 {day} 的，已经过了。请重新预约，或者现在取号办理。</source>
        <translation>This appointment was on {day} and has passed. Please book again, or take a ticket now.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="488"/>
        <source>这个预约是 {day} {time} 的，不是今天。请那天再来签到；今天要办可以取号。</source>
        <translation>This appointment is on {day} at {time}, not today. Please check in that day, or take a ticket today.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="491"/>
        <source>这个预约已经签到过了，号码是 {number}。小票丢了可以重新打印。</source>
        <translation>You have already checked in: your ticket is {number}. Lost it? Reprint it.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="493"/>
        <source>这个预约已经取消了。今天要办可以取号。</source>
        <translation>This appointment was cancelled. You can take a ticket today.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="495"/>
        <source>您今天已经有这个事项的号：{number}。同一事项每人只能有一个号。</source>
        <translation>You already have a ticket for this service today: {number}. One ticket per person per service.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="498"/>
        <source>没有找到这个预约码，请对照短信再看一下。</source>
        <translation>We can&apos;t find this code. Please check the text message.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="499"/>
        <source>没有找到今天用这个身份证号和手机号的预约，请核对，或者用预约码签到。</source>
        <translation>We can&apos;t find an appointment today for this ID and mobile number. Please check them, or use the code.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="503"/>
        <source>系统暂时无法签到，请到服务台由工作人员为您签到。</source>
        <translation>We can&apos;t check you in right now. Please ask at the information desk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/checkin.py" line="504"/>
        <source>现在不能签到，请到服务台问一下。</source>
        <translation>You can&apos;t check in here now. Please ask at the information desk.</translation>
    </message>
</context>
<context>
    <name>CodeEntry</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="256"/>
        <source>请扫描营业执照，或输入 18 位统一社会信用代码</source>
        <translation>Please scan the business licence or type the 18-character unified social credit code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="272"/>
        <source>请扫描营业执照上的二维码（演示：点一张执照）</source>
        <translation>Scan the QR code on your business licence (demo: tap a licence)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="273"/>
        <source>或用键盘输入统一社会信用代码</source>
        <translation>Or type the unified social credit code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="278"/>
        <source>（已扫描）</source>
        <translation> (scanned)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="280"/>
        <source>18 位，由数字和大写字母组成</source>
        <translation>18 characters: digits and capital letters</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="281"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
</context>
<context>
    <name>CommitmentLine</name>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="77"/>
        <source>（已补交）</source>
        <translation> (handed in)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="79"/>
        <source>（已逾期）</source>
        <translation> (overdue)</translation>
    </message>
</context>
<context>
    <name>CommitmentsPanel</name>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="146"/>
        <source>这项承诺已由其他窗口处理</source>
        <translation>Another window has already dealt with this commitment</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="158"/>
        <source>容缺待补 {n}</source>
        <translation>To follow {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="161"/>
        <source>容缺待补 {n}：其中逾期 {late} 件</source>
        <translation>To follow {n}: {late} overdue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="163"/>
        <source>容缺待补交</source>
        <translation>Documents to follow (accept now, submit later)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="164"/>
        <source>逾期的排在前面。收到补交的材料后点“已补交”。</source>
        <translation>Overdue ones come first. Tap “Handed in” when the document arrives.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="165"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="177"/>
        <source>没有待补交的材料</source>
        <translation>No documents are waiting to be handed in</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="187"/>
        <source>已逾期 {n} 天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="193"/>
        <source>已补交</source>
        <translation>Handed in</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/commitments.py" line="193"/>
        <source>{number} 已补交</source>
        <translation>{number} handed in</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="25"/>
        <source>等候容缺材料</source>
        <translation>Waiting for a document that can follow later</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="26"/>
        <source>需要复印材料</source>
        <translation>Copies needed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="27"/>
        <source>后台审核</source>
        <translation>Back-office review</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="28"/>
        <source>申请人临时离开</source>
        <translation>Applicant stepped away</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="31"/>
        <source>请先办结或处理当前号码 {number}</source>
        <translation>Finish or deal with {number} first</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="34"/>
        <source>{seconds} 秒后才能重呼</source>
        <translation>You can call again in {seconds} seconds</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="35"/>
        <source>今天没有号码 {number}</source>
        <translation>There is no ticket {number} today</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="36"/>
        <source>号码 {number} 现在不能这样操作</source>
        <translation>That can&apos;t be done with {number} now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="37"/>
        <source>没有 {window} 号窗口</source>
        <translation>There is no Window {window}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="38"/>
        <source>没有这项业务</source>
        <translation>There is no such service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="39"/>
        <source>号码 {number} 不由本窗口办理</source>
        <translation>{number} is not served at this window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="40"/>
        <source>{window} 号窗口不办理这项业务</source>
        <translation>Window {window} does not handle this service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="41"/>
        <source>没有窗口办理这项业务</source>
        <translation>No window handles this service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="42"/>
        <source>号码已经在这里排队</source>
        <translation>The ticket is already queued there</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="43"/>
        <source>号码 {number} 不是本窗口挂起的</source>
        <translation>{number} is not on hold at this window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="44"/>
        <source>此人已另取号码 {held} 办理同一事项，{number} 不能再激活</source>
        <translation>{number} can&apos;t come back: the person holds {held} for the same service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="45"/>
        <source>这个事项今天的号已取完</source>
        <translation>Today&apos;s tickets for this service have all been taken</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="59"/>
        <source>磁盘已满，无法保存，请联系技术人员</source>
        <extracomment>what the staff at a window are told: the cause, so they can act on it (a citizen is never shown these)</extracomment>
        <translation>The disk is full: nothing can be saved. Please call technical support.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="60"/>
        <source>数据目录只读，无法保存，请联系技术人员</source>
        <translation>The data folder is read-only: nothing can be saved. Please call technical support.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="61"/>
        <source>数据库暂时无法连接，正在重试</source>
        <translation>The database cannot be reached; trying again</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="62"/>
        <source>本机的身份密钥与大厅其他终端不一致，请联系技术人员</source>
        <translation>This PC&apos;s identity key differs from the hall&apos;s other terminals. Please call technical support.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="70"/>
        <source>数据暂时无法读取或保存</source>
        <translation>The data cannot be read or saved at the moment</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="86"/>
        <source>现在不能这样操作</source>
        <translation>That can&apos;t be done now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="19"/>
        <source>午间轮岗</source>
        <translation>Lunch rotation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="20"/>
        <source>业务培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="21"/>
        <source>系统故障</source>
        <translation>System fault</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="22"/>
        <source>临时离开</source>
        <translation>Short break</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="490"/>
        <source>{n} 号窗口</source>
        <translation>Window {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="527"/>
        <source>暂无等候的号码</source>
        <translation>No one is waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="529"/>
        <source>{number} 已呼叫 {n} 次未到，记为过号</source>
        <translation>{number} did not come after {n} calls: marked no-show</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="32"/>
        <source>窗口已暂停，请先恢复窗口</source>
        <translation>The window is paused: reopen it first</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="33"/>
        <source>当前没有可操作的号码</source>
        <translation>There is no current number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="568"/>
        <source>数据库暂时无法连接，正在重试……</source>
        <translation>The hall&apos;s data can&apos;t be reached; retrying…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="602"/>
        <source>叫号</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="602"/>
        <source>重呼</source>
        <translation>Call again</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="602"/>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="603"/>
        <source>办结</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="603"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="603"/>
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="604"/>
        <source>挂起</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="604"/>
        <location filename="../../kiosk/ui/console/window.py" line="613"/>
        <source>指定叫号</source>
        <translation>Call a number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="604"/>
        <location filename="../../kiosk/ui/console/window.py" line="614"/>
        <source>过号激活</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="608"/>
        <source>切换语言</source>
        <translation>Switch language</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="612"/>
        <source>暂停窗口的原因</source>
        <translation>Why pause the window?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="618"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="621"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="621"/>
        <source>退格</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="638"/>
        <source>{n} 号{name}</source>
        <translation>{name} {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="647"/>
        <source>暂停中：{reason}</source>
        <translation>Paused: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="649"/>
        <source>服务中</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="650"/>
        <source>恢复窗口</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="650"/>
        <source>暂停窗口</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="674"/>
        <source>今日：办结 {served} · 过号 {no_show} · 平均办理 {mean} 分钟</source>
        <translation>Today: {served} done · no-shows {no_show} · average {mean} min</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="681"/>
        <source>恢复 {number}</source>
        <translation>Resume {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="671"/>
        <source>等候：</source>
        <translation>Waiting: </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="486"/>
        <location filename="../../kiosk/ui/console/window.py" line="490"/>
        <source>转移到：{target}</source>
        <translation>Transfer to {target}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="498"/>
        <source>挂起原因：{reason}</source>
        <translation>Suspend: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="559"/>
        <source>暂停原因：{reason}</source>
        <translation>Pause: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="566"/>
        <source>已重新连接数据库</source>
        <translation>Connected to the hall&apos;s data again</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="581"/>
        <source>提示：{message}</source>
        <translation>Message: {message}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="594"/>
        <source>各窗口叫号</source>
        <translation>Window consoles</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="599"/>
        <source>窗口叫号：{n} {name}</source>
        <translation>Window console: {n} {name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="610"/>
        <source>转移到</source>
        <translation>Transfer to</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="610"/>
        <source>号码和排队位置不变</source>
        <translation>The number and its place in the queue stay the same</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="611"/>
        <source>挂起原因</source>
        <translation>Why suspend?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="611"/>
        <source>挂起期间可以先办下一位，之后点号码恢复办理。</source>
        <translation>Meanwhile you can serve the next person; tap the number later to resume.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="612"/>
        <source>暂停期间本窗口不叫号，大厅叫号屏会显示原因。</source>
        <translation>While paused, this window calls no one; the call board shows why.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="613"/>
        <source>输入号码：先点字母，再点数字。</source>
        <translation>Enter the number: the letter first, then the digits.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="614"/>
        <source>输入过号的号码，它重新排队。</source>
        <translation>Enter a no-show&apos;s number to put it back in the queue.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="619"/>
        <source>或者转到窗口</source>
        <translation>Or to a window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="621"/>
        <source>输入的号码：{number}</source>
        <translation>Number entered: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="621"/>
        <source>还没有输入号码</source>
        <translation>No number entered yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="645"/>
        <source>正在重新连接……</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="652"/>
        <source>服务专员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="652"/>
        <source>预约登记</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="663"/>
        <source>挂起中（点号码恢复办理）：</source>
        <translation>Suspended (tap a number to resume):</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="705"/>
        <source>空闲：请叫号</source>
        <translation>Free: call the next number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="705"/>
        <source>窗口暂停中，恢复后再叫号</source>
        <translation>Window paused: reopen it to call</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="706"/>
        <source>等候本窗口：{n} 人</source>
        <translation>Waiting for this window: {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="710"/>
        <location filename="../../kiosk/ui/console/window.py" line="732"/>
        <source>当前号码：{number}</source>
        <translation>Current number: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="712"/>
        <source>已叫号（第 {n}/{max} 次）</source>
        <translation>Called (call {n} of {max})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="714"/>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="717"/>
        <source>绿色通道</source>
        <translation>Priority service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="719"/>
        <source>预约</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="729"/>
        <source>{time} 取号 · 等候 {m} 分钟 · {category}</source>
        <translation>Ticket taken {time} · waited {m} min · {category}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="735"/>
        <source>材料核对（收到一项点一项）</source>
        <translation>Check the documents (tap each one received)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="741"/>
        <source>（电子证照）</source>
        <translation> (e-certificate)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="741"/>
        <source>（可容缺）</source>
        <translation> (can follow later)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="752"/>
        <source>{material}：已收到</source>
        <translation>{material}: received</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/window.py" line="754"/>
        <source>{material}：未收到</source>
        <translation>{material}: not received yet</translation>
    </message>
</context>
<context>
    <name>Deferral</name>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="74"/>
        <source>容缺受理：{materials} · 须于{date}前补交</source>
        <translation>Accept now, submit later: {materials} · due by {date}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="80"/>
        <source>请带齐材料后取号办理；如有疑问，请到服务台咨询。</source>
        <translation> Please bring every document and take a ticket; if you have questions, ask at the information desk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="84"/>
        <source>统一社会信用代码有误，请逐位核对</source>
        <translation>This credit code isn&apos;t valid. Please check each character.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="86"/>
        <source>很抱歉，信用信息里查不到这位申请人，暂时不能容缺受理。</source>
        <translation>Sorry, this applicant is not in the credit records, so we can&apos;t accept now and let you submit later.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="92"/>
        <source>很抱歉，信用记录显示{name}：{note}。按规定，暂时不能容缺受理。</source>
        <translation>Sorry, the credit records show {name}: {note}. Under the rules we can&apos;t accept now and let you submit later.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="97"/>
        <source>{materials} 不能后补，办理时必须带齐。</source>
        <translation>{materials} can&apos;t follow later: please bring it when you apply.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="99"/>
        <source>请至少选一项暂缺的材料</source>
        <translation>Please choose at least one missing document</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="112"/>
        <source>第 {pos} 位的“{ch}”不会出现在信用代码里</source>
        <translation>Character {pos} is the letter {ch}, which a credit code never uses</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="115"/>
        <source>，是数字 {digit} 吗？</source>
        <translation> – is it the digit {digit}?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="119"/>
        <source>第 {pos} 位应是数字（第 3–8 位是地区代码）</source>
        <translation>Character {pos} must be a digit (characters 3–8 are the area code)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="122"/>
        <source>还差 {n} 位</source>
        <translation>{n} more characters needed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="124"/>
        <source>代码有误：第 18 位与前 17 位对不上，请逐位核对</source>
        <translation>This code isn&apos;t valid: the 18th character doesn&apos;t match the first 17. Please check each character.</translation>
    </message>
</context>
<context>
    <name>FacilitatorWindow</name>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="500"/>
        <source>✓ 成功</source>
        <extracomment>the live view: how often the kiosk is drawn again (ms) and how long a tap stays (s) events the live log leaves out (the record has them): a release (its press is there), focus, voice the info the live log shows of an event (the record has it all)</extracomment>
        <translation>✓ Success</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="500"/>
        <source>× 失败</source>
        <translation>× Failed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="500"/>
        <location filename="../../kiosk/ui/study/facilitator.py" line="573"/>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="501"/>
        <source>× 超时</source>
        <translation>× Out of time</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="503"/>
        <source>✓ 成功（自助机自动判定）</source>
        <translation>✓ Success (detected by the kiosk)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="505"/>
        <source>{task}：{outcome} · {time}</source>
        <translation>{task}: {outcome} · {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="563"/>
        <source>可用性测试 · {study}</source>
        <translation>Usability study · {study}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="566"/>
        <source>参与者 {code}</source>
        <translation>Participant {code}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="567"/>
        <source>下一位 Ctrl+N</source>
        <translation>Next Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="567"/>
        <source>下一位参与者</source>
        <translation>Next participant</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="569"/>
        <source>切换语言</source>
        <translation>Switch language</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="573"/>
        <location filename="../../kiosk/ui/study/facilitator.py" line="584"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="573"/>
        <source>成功</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="573"/>
        <source>失败</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="574"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="577"/>
        <source>保存备注</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="578"/>
        <location filename="../../kiosk/ui/study/facilitator.py" line="585"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="578"/>
        <source>不写备注</source>
        <translation>Discard the note</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="579"/>
        <source>备注：只写观察，不写参与者的个人信息</source>
        <translation>Note: what you observed, never the participant&apos;s personal details</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="580"/>
        <source>备注：只写观察，不写个人信息</source>
        <translation>Note: what you observed, no personal details</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="581"/>
        <location filename="../../kiosk/ui/study/facilitator.py" line="583"/>
        <source>下一位参与者编号</source>
        <translation>Next participant&apos;s code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="582"/>
        <source>开始后，这一位的任务、问卷和故障全部结束；下一位从全新的大厅数据开始。</source>
        <translation>Starting ends this participant&apos;s tasks, questionnaires and faults; the next one begins on a fresh hall.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="584"/>
        <source>开始下一位</source>
        <translation>Start the next participant</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="586"/>
        <source>故障注入</source>
        <translation>Faults</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="589"/>
        <source>打印机缺纸</source>
        <translation>No paper</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="590"/>
        <source>读卡器故障</source>
        <translation>Reader fails</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="590"/>
        <source>身份证读卡器故障</source>
        <translation>The ID card reader fails</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="591"/>
        <source>号已取完</source>
        <translation>No quota</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="591"/>
        <source>所选事项今天的号已取完</source>
        <translation>The chosen service has no tickets left today</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="592"/>
        <source>窗口暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="592"/>
        <source>所选类别的窗口全部暂停</source>
        <translation>Every window of the chosen category is paused</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="594"/>
        <source>语音失效</source>
        <translation>No voice</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="594"/>
        <source>语音播报失效</source>
        <translation>The voice engine is gone</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="593"/>
        <source>存储变慢</source>
        <translation>Slow store</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="593"/>
        <source>每次存储变慢几秒，秒数在本栏右上角</source>
        <translation>Every write to the store is slow by some seconds (set at the top right of this panel)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="599"/>
        <source>事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="600"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="601"/>
        <source>号已取完的事项</source>
        <translation>Service whose tickets are used up</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="602"/>
        <source>窗口全暂停的类别</source>
        <translation>Category whose windows are paused</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="603"/>
        <source>每次存储的秒数</source>
        <translation>Seconds per write</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="605"/>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="612"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="613"/>
        <source>记录：最近的事件</source>
        <translation>Record: the latest events</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="614"/>
        <source>自助机实时画面</source>
        <translation>Live view of the kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="623"/>
        <source>没有参与者</source>
        <translation>No participant</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="629"/>
        <source>条件：{condition}（第 {block} 组，共 {blocks} 组）</source>
        <translation>Condition: {condition} (block {block} of {blocks})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="632"/>
        <source>参与者正在自助机上答问卷</source>
        <translation>The participant is answering the questionnaire on the kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="634"/>
        <source>这位参与者已完成；按“下一位”（Ctrl+N）开始下一位</source>
        <translation>This participant has finished; Next (Ctrl+N) begins the next one</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="636"/>
        <source>按“开始”（F5）开始这项任务</source>
        <translation>Press Start (F5) to begin this task</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="638"/>
        <source>任务进行中：成功 F6 · 失败 F7 · 跳过 F8</source>
        <translation>Task running: Success F6 · Fail F7 · Skip F8</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="640"/>
        <source>全部任务已完成</source>
        <translation>All tasks done</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/facilitator.py" line="645"/>
        <source>任务 {n} / {total}</source>
        <translation>Task {n} of {total}</translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="207"/>
        <source>请选择市民对整改结果的评价</source>
        <extracomment>The mark of a late step, beside the words that say it (not a colour alone).</extracomment>
        <translation>Choose how the citizen rated the fix.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="217"/>
        <source>请写下整改了什么</source>
        <translation>Write down what was done to put it right.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="218"/>
        <source>请写下回访时说了什么</source>
        <translation>Write down what was said on the call.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="234"/>
        <source>{number} 已整改办结</source>
        <translation>{number}: fixed and closed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="235"/>
        <source>{number} 已记录回访</source>
        <translation>{number}: return call recorded</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="242"/>
        <source>{number} 的这一步已由其他窗口办理，列表已更新</source>
        <translation>{number}: another window has done this step; the list is up to date</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="268"/>
        <source>原因：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="274"/>
        <source>回访期限 {date}</source>
        <translation>Call back by {date}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="276"/>
        <source>已回访 {called} · 整改期限 {date}</source>
        <translation>Called {called} · fix by {date}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="279"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="310"/>
        <source>差评回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="311"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="312"/>
        <source>每条差评：{call} 个工作日内回访，{fix} 个工作日内整改，再请市民评价整改结果。</source>
        <translation>Every poor rating: a call back within {call} working day, the fix within {fix}, then the citizen rates the fix.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="314"/>
        <source>差评回访 {n}</source>
        <translation>Follow-ups {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="316"/>
        <source>{n} 条超期</source>
        <translation>{n} overdue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="322"/>
        <source>没有待办的差评回访</source>
        <translation>No follow-ups to do</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="327"/>
        <source>{n} 号窗口</source>
        <translation>Window {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="334"/>
        <source>记录回访</source>
        <translation>Record call</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="334"/>
        <source>整改办结</source>
        <translation>Record fix</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="335"/>
        <source>{step}：{number}</source>
        <translation>{step}: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="344"/>
        <source>整改办结：{number}</source>
        <translation>Record the fix: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="344"/>
        <source>记录回访：{number}</source>
        <translation>Record the call: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="347"/>
        <source>回访记录：{note}</source>
        <translation>On the call: {note}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="348"/>
        <source>整改了什么（必填）</source>
        <translation>What was done (required)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="348"/>
        <source>回访时说了什么（必填）</source>
        <translation>What was said (required)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="349"/>
        <source>整改情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="349"/>
        <source>回访情况</source>
        <translation>What was said</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="355"/>
        <source>市民对整改结果的评价</source>
        <translation>The citizen&apos;s rating of the fix</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/followups.py" line="361"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="171"/>
        <source>‹ 返回</source>
        <extracomment>the warm-up&apos;s next step after this many ms: a real timer, so that input, paints and other timers get their turn between two steps (a 0 ms one is a posted call: the whole chain would run in one go) how often the warm-up looks whether its worker thread is done (ms)</extracomment>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="171"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="172"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="173"/>
        <source>长辈版</source>
        <translation>Senior mode</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="173"/>
        <source>语音</source>
        <translation>Voice</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="175"/>
        <source>语音播报：朗读每个页面和您点的按钮</source>
        <translation>Voice guidance: reads out each screen and each button you tap</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="177"/>
        <source>切换语言</source>
        <translation>Switch language</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="108"/>
        <source>欢迎来到{hall}</source>
        <translation>Welcome to {hall}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="109"/>
        <source>一窗通办 · 来了都能办 · 随时都可办</source>
        <translation>One-window service · Whatever you need · Whenever you come</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="110"/>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="111"/>
        <source>取号办事</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="110"/>
        <source>按事项、一件事或综合咨询取号</source>
        <translation>For a service, a service package or an enquiry</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="112"/>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="114"/>
        <source>事项查询</source>
        <translation>Find a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="113"/>
        <source>共 {n} 个事项 · 办事指南一次性告知</source>
        <translation>{n} services · Full guidance in one go</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="115"/>
        <source>服务评价</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="116"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="116"/>
        <source>有预约的，到了先签到</source>
        <translation>Booked? Check in first</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="117"/>
        <source>服务专员</source>
        <translation>Service officer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="117"/>
        <source>一对一帮办，可上门</source>
        <translation>One-to-one help, home visits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="118"/>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="119"/>
        <source>办不成事反映</source>
        <translation>Problem-solving window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="118"/>
        <source>没办成的事，告诉我们</source>
        <translation>Couldn&apos;t get something done? Tell us</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="120"/>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="121"/>
        <source>意见建议</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="120"/>
        <source>意见箱 · 人大代表联系点</source>
        <translation>Suggestion box · deputies&apos; liaison point</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="125"/>
        <source>零等待：午间不打烊，周六照常办</source>
        <translation>Open at lunchtime and on Saturdays</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="135"/>
        <source>老年人、军人、残疾人、境外投资者：服务专员一对一帮办代办</source>
        <translation>Older people, service members, people with disabilities and foreign investors: one-to-one assisted service from a dedicated officer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="122"/>
        <source>“五个零”服务承诺</source>
        <translation>Our “Five Zeros” service pledge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="115"/>
        <source>好差评 · 凭小票评价</source>
        <translation>With your ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="123"/>
        <source>零材料：电子证照能调取的，不用您带</source>
        <translation>No documents needed: what we can fetch as an e-certificate, you need not bring</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="124"/>
        <source>零距离：帮办代办，服务进园区、进企业</source>
        <translation>We come to you: assisted service in industrial parks and companies</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="126"/>
        <source>零差别：任一综合窗口都能办</source>
        <translation>Same service at every general window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="127"/>
        <source>零障碍：老弱军残走绿色通道，办不成事有专窗</source>
        <translation>Priority service for older people, service members and people with disabilities; a problem-solving window for anything not sorted out</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="130"/>
        <source>办公时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home.py" line="134"/>
        <source>一窗通办 · 一网通办 · 一号通办 · 一库通办 · 一队通办</source>
        <translation>One-window service · One-stop online service · One hotline · Shared records · One team</translation>
    </message>
</context>
<context>
    <name>HomeVisitScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="46"/>
        <source>太长了：最多 {n} 个字</source>
        <extracomment>The working days within which the officer calls back.</extracomment>
        <translation>Too long: {n} characters at most</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="48"/>
        <source>有看不见的控制字符，请清空后重新输入</source>
        <translation>It holds hidden control characters. Please clear it and type again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="50"/>
        <source>不能输入表情符号，请只用文字、字母和数字</source>
        <translation>No emoji, please: use letters and digits only</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="253"/>
        <source>请留一个手机号，服务专员打这个电话</source>
        <translation>Please leave a mobile number for the officer to call</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="255"/>
        <source>手机号只能是数字</source>
        <translation>A mobile number has digits only</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="257"/>
        <source>还差 {n} 位</source>
        <translation>{n} more digits needed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="259"/>
        <source>手机号是 11 位，多了 {n} 位</source>
        <translation>A mobile number has 11 digits: {n} too many</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="260"/>
        <source>手机号应以 13–19 开头</source>
        <translation>Chinese mobile numbers start with 13–19</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="263"/>
        <source>请点选住在哪个村（社区）</source>
        <translation>Please tap the village or community</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="313"/>
        <source>移动办公桌：工作人员上门办理</source>
        <translation>Mobile desk: staff come to the home</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="314"/>
        <source>家里有行动不便的老人或病人？选好住在哪里，留一个手机号，服务专员会打电话和您约上门的时间。地址和电话只用于这次上门。</source>
        <translation>Someone at home who can&apos;t come in? Choose where they live and leave a mobile number: the service officer will call to arrange a visit. The address and number are used for this visit only.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="316"/>
        <source>住在哪个村（社区）</source>
        <translation>Village or community</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="324"/>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="328"/>
        <source>门牌号（可选）</source>
        <translation>House number (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="325"/>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="329"/>
        <source>联系手机</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="326"/>
        <source>例如 12-301，可以不填</source>
        <translation>e.g. 12-301, optional</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="327"/>
        <source>11 位手机号</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="332"/>
        <source>提交上门申请</source>
        <translation>Ask for a home visit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="333"/>
        <source>系统暂时无法登记，请到服务台由工作人员为您登记。</source>
        <translation>We can&apos;t take this request right now. Please ask at the information desk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="334"/>
        <source>有一项没有填好，请看上面的提示。</source>
        <translation>Something is missing: see the notes above.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="336"/>
        <source>完成，返回首页</source>
        <translation>Done, back to start</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="343"/>
        <source>{m}月{d}日</source>
        <translation>{d}/{m}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="344"/>
        <source>上门申请已收到</source>
        <translation>Home visit requested</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="345"/>
        <source>服务专员 {name} 会在 1 个工作日内（{when}前）打电话到 {phone}，和您约上门的时间。</source>
        <translation>Service officer {name} will call {phone} within 1 working day (by {when}) to arrange the visit.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="347"/>
        <source>上门地点：{address}</source>
        <translation>Where: {address}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="349"/>
        <source>有急事请打服务专员 24 小时电话：{phone}</source>
        <translation>Urgent? Call the officer day or night: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/home_visit.py" line="351"/>
        <source>登记为：{group}</source>
        <translation>Registered as: {group}</translation>
    </message>
</context>
<context>
    <name>IdEntry</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="147"/>
        <source>请刷身份证，或用数字键输入身份证号</source>
        <translation>Please scan your ID card or type its number on the keypad</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="166"/>
        <source>或用数字键输入身份证号</source>
        <translation>Or type the ID number on the keypad</translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="39"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="210"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="223"/>
        <source>还差 {n} 位</source>
        <translation>{n} more digits needed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="28"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="214"/>
        <source>只有最后一位可以是 X</source>
        <translation>Only the last character can be X</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="29"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="215"/>
        <source>第 7–14 位的出生日期不对，请核对</source>
        <translation>The date of birth (digits 7–14) isn&apos;t valid. Please check it.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="44"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="216"/>
        <source>身份证号码不对</source>
        <translation>This ID number isn&apos;t valid</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="30"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="216"/>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="82"/>
        <source>身份证号码有误，请逐位核对</source>
        <translation>This ID number isn&apos;t valid. Please check each digit.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="224"/>
        <source>手机号应以 13–19 开头</source>
        <translation>Chinese mobile numbers start with 13–19</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="262"/>
        <source>70 岁以上老人</source>
        <translation>aged 70 or over</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="262"/>
        <source>军人、退役军人</source>
        <translation>service member or veteran</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="263"/>
        <source>残疾人</source>
        <translation>person with a disability</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="263"/>
        <source>孕妇</source>
        <translation>pregnant</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="263"/>
        <source>高层次人才</source>
        <translation>high-level talent</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="266"/>
        <source>走绿色通道，优先叫号（{why}）</source>
        <translation>Use priority service ({why})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="283"/>
        <source>办理：{subject}（{category}）</source>
        <translation>For: {subject} ({category})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="284"/>
        <source>办理：{subject}</source>
        <translation>For: {subject}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="337"/>
        <source>今天这个事项的号已经取完了。可以到服务台预约以后的日子，或明天再来取号。</source>
        <translation>Today&apos;s tickets for this service have all been taken. You can book another day at the information desk, or come back tomorrow for a ticket.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="264"/>
        <source>境外投资者</source>
        <translation>foreign investor</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="285"/>
        <source>刷身份证，符合条件的可走绿色通道；不刷证也能直接取号。身份证号仅用于本次取号，不会留存。</source>
        <translation>Scan your ID card to get priority service if you qualify. No Chinese ID card? You can still take a ticket. Your ID number is used only for this ticket and is not kept.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="165"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="286"/>
        <source>请把身份证放到读卡区（演示：点一张卡）</source>
        <translation>Scan your ID card (demo: tap a card)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="171"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="292"/>
        <source>（已读取）</source>
        <translation> (card read)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="295"/>
        <source>或用数字键输入（可选）</source>
        <translation>Or type it on the keypad (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="175"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="296"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="300"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="297"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="301"/>
        <source>手机号</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/id_entry.py" line="174"/>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="298"/>
        <source>18 位，最后一位可以是 X</source>
        <translation>18 characters; the last may be X</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="299"/>
        <source>11 位手机号，用于短信提醒</source>
        <translation>Chinese mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="304"/>
        <source>确认取号</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="305"/>
        <source>重新打印小票</source>
        <translation>Reprint ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="306"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="314"/>
        <source>今天已停止叫号，现在取的号不会被叫到。请{when} 起再来取号。</source>
        <translation>Calling has ended for today: a ticket taken now will not be called. Please come back from {when} for a new ticket.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="315"/>
        <source>今天已停止叫号，现在取的号不会被叫到。</source>
        <translation>Calling has ended for today: a ticket taken now will not be called.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="317"/>
        <source>窗口{when} 开始叫号。</source>
        <translation>The windows start calling at {when}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="325"/>
        <source>您今天已经取过这个事项的号：{number}，前面还有 {ahead} 人。同一事项每人只能有一个号。</source>
        <translation>You already have a ticket for this service today: {number} (people ahead of you: {ahead}). Each person can hold only one ticket per service.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/identity.py" line="332"/>
        <source>系统暂时无法出号，请到服务台由工作人员为您取号。</source>
        <translation>We can&apos;t issue tickets right now. Please ask at the information desk.</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/idle.py" line="122"/>
        <source>您还在吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/idle.py" line="123"/>
        <source>{n} 秒后将返回首页，并清除您输入的信息。</source>
        <translation>In {n} seconds we&apos;ll go back to the home screen and clear what you entered.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/idle.py" line="124"/>
        <source>继续使用</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>IdlePage</name>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="137"/>
        <source>请在办理结束后评价</source>
        <translation>Please rate us when your service is finished</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="138"/>
        <source>窗口办结后，这里会显示您刚办理的业务</source>
        <translation>When the window has finished, the service you had appears here</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="139"/>
        <source>好差评 · 我们的承诺</source>
        <translation>Rate our service · our promise</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="141"/>
        <source>每次服务评价一次。没来得及评价？凭小票在自助服务机上也能评价。</source>
        <translation>One rating per service. Missed it? Rate it at a self-service kiosk with your ticket.</translation>
    </message>
</context>
<context>
    <name>ItemOffers</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/offers.py" line="47"/>
        <source>缺少材料？容缺受理</source>
        <translation>Missing a document? Accept now, submit later</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/offers.py" line="48"/>
        <source>自助办理（零材料）</source>
        <translation>Do it here yourself (no documents needed)</translation>
    </message>
</context>
<context>
    <name>ItemScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="109"/>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="63"/>
        <source>原件 {n} 份</source>
        <translation>original ×{n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="111"/>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="66"/>
        <source>复印件 {n} 份</source>
        <translation>copy ×{n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="106"/>
        <source>{name}（免带：窗口调取电子证照）</source>
        <translation>{name} (e-certificate – no need to bring)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="114"/>
        <source>【可容缺后补】</source>
        <translation> [can follow later]</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="118"/>
        <source>{name}（{parts}）</source>
        <translation>{name} ({parts})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="118"/>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="68"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="139"/>
        <source>即办件：当场办结</source>
        <translation>On the spot: done while you wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="141"/>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="168"/>
        <source>承诺 {p} 个工作日</source>
        <translation>Within {p} working days</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="143"/>
        <source>（法定 {l} 个工作日）</source>
        <translation> (legal limit: {l})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="148"/>
        <source>不收费</source>
        <translation>No fee</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="148"/>
        <source>{fee} 元</source>
        <translation>CNY {fee}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="153"/>
        <source>收费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="154"/>
        <source>零跑动，可全程网办</source>
        <translation>No visit needed: can be done fully online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="154"/>
        <source>最多跑一次</source>
        <translation>At most one visit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="155"/>
        <source>网上办理</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="155"/>
        <source>可以，登录江苏政务服务网</source>
        <translation>Yes, on the Jiangsu Government Service website</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="155"/>
        <source>请到窗口办理</source>
        <translation>No, please come to a window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="156"/>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="170"/>
        <source>办理窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="159"/>
        <source>元园服务站专区</source>
        <translation>Yuanyuan service station zone</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="166"/>
        <source>包含事项</source>
        <translation>Includes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="167"/>
        <source>{h} 个工作小时内办结</source>
        <translation>Done within {h} working hours</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="150"/>
        <source>{fee}（{note}）</source>
        <translation>{fee} ({note})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="152"/>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="169"/>
        <source>办结时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="154"/>
        <source>跑动次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="172"/>
        <source>需要准备的材料</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="174"/>
        <source>请逐项点一下您已带齐的材料</source>
        <translation>Tap each document you have with you</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="176"/>
        <source>本事项无需提交材料（零材料）</source>
        <translation>Nothing to hand in for this service (no documents needed)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="179"/>
        <source>零材料：标注“免带”的材料，窗口从电子证照库直接调取，您不用带。</source>
        <translation>No documents needed: documents marked “no need to bring” are fetched by the window from the e-certificate records, so you don&apos;t have to bring them.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="181"/>
        <source>容缺受理：主要材料齐全时，标注“可容缺”的次要材料可以签署承诺书后补交（写明补交什么、什么形式、何时补交）；有不良信用记录的除外。</source>
        <translation>Accept now, submit later: if your main documents are complete, secondary ones marked “can follow later” can be handed in later on a signed commitment (stating what, in what form and by when). Not available with a poor credit record.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="185"/>
        <source>温馨提示：</source>
        <translation>Tip: </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="188"/>
        <source>用手机扫码，把材料清单带走</source>
        <translation>Scan with your phone to take this checklist with you</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="189"/>
        <source>取号办理</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="200"/>
        <source>无需带材料</source>
        <translation>Nothing to bring</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="202"/>
        <source>已备齐 {have}/{total}</source>
        <translation>Ready: {have} of {total}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="220"/>
        <source>受理：{dept} · 审批：{decider}（本中心代为受理）</source>
        <translation>Accepted by: {dept} · Approved by: {decider} (accepted here on its behalf)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="221"/>
        <source>受理：{dept} · 办理：{decider}（本中心代为受理）</source>
        <translation>Accepted by: {dept} · Handled by: {decider} (accepted here on its behalf)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="229"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="230"/>
        <source>{span} 号{name}</source>
        <translation>{name} {span}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="233"/>
        <source>行政许可</source>
        <translation>Administrative licensing</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="233"/>
        <source>行政确认</source>
        <translation>Administrative confirmation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="233"/>
        <source>行政给付</source>
        <translation>Administrative benefit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="234"/>
        <source>行政征收</source>
        <translation>Administrative levy</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="234"/>
        <source>行政裁决</source>
        <translation>Administrative adjudication</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="234"/>
        <source>行政奖励</source>
        <translation>Administrative reward</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="235"/>
        <source>行政备案</source>
        <translation>Administrative filing</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="235"/>
        <source>其他行政权力</source>
        <translation>Other administrative power</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="236"/>
        <source>公共服务</source>
        <translation>Public service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="239"/>
        <source>重点项目开工</source>
        <translation>Key project start-up</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="239"/>
        <source>重点企业开办</source>
        <translation>Key business start-up</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/item.py" line="240"/>
        <source>重点群体服务</source>
        <translation>Services for key groups</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/ui/shared/widgets.py" line="464"/>
        <source>← 退格</source>
        <translation>← Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/widgets.py" line="464"/>
        <source>退格</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/widgets.py" line="465"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/promise_flows.py" line="123"/>
        <location filename="../../kiosk/ui/kiosk/window.py" line="465"/>
        <source>打印机暂时无法使用</source>
        <translation>the printer is not available</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="678"/>
        <source>语音播报暂时无法使用，请看屏幕上的文字。</source>
        <extracomment>Work the warm-up hands to a worker thread: plain Python, no Qt (the search index, the database&apos;s first opening). Set by the composition root. True once the warm-up is over: every screen built, the search index ready, the store open. what the kiosk returns to after each visit: (language, 长辈版, voice); None = the hall&apos;s own (its language, the normal mode, the voice off). A study&apos;s condition sets its own. a usability study&apos;s recorder (kiosk/ui/study/recorder.py) sees every event of the application here, through the filter the kiosk has anyway: one more Python call per event would cost a tap several per cent (hundreds of events go by for each)</extracomment>
        <translation>Voice guidance isn&apos;t available right now. Please read the text on the screen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="679"/>
        <source>一窗通办</source>
        <translation>One-window service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="680"/>
        <source>取号办事</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="680"/>
        <source>事项查询</source>
        <translation>Find a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="681"/>
        <source>取号确认</source>
        <translation>Confirm ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="681"/>
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="682"/>
        <source>取号成功</source>
        <translation>Your ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="682"/>
        <source>服务评价</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="683"/>
        <source>服务专员</source>
        <translation>Service officer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="684"/>
        <source>移动办公桌</source>
        <translation>Mobile desk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="684"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="685"/>
        <source>办不成事反映</source>
        <translation>Problem-solving window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/window.py" line="685"/>
        <source>意见建议</source>
        <translation>Suggestions</translation>
    </message>
</context>
<context>
    <name>LetterKeys</name>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="237"/>
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="238"/>
        <source>← 退格</source>
        <translation>← Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="238"/>
        <source>退格</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="239"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>LetterScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="379"/>
        <source>承诺书</source>
        <translation>Commitment letter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="431"/>
        <source>系统暂时无法出号，请到服务台由工作人员为您取号。</source>
        <translation>We can&apos;t issue tickets right now. Please ask at the information desk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="449"/>
        <source>您今天已经取过这个事项的号：{number}，前面还有 {ahead} 人。同一事项每人只能有一个号。</source>
        <translation>You already have a ticket for this service today: {number} (people ahead of you: {ahead}). Each person can hold only one ticket per service.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="454"/>
        <source>我已阅读，确认承诺并取号</source>
        <translation>I have read it: commit and take a ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="455"/>
        <source>重新打印小票</source>
        <translation>Reprint ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="456"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="457"/>
        <source>容缺受理承诺书</source>
        <translation>Commitment letter: accept now, submit later</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="476"/>
        <source>申请人：{name}</source>
        <translation>Applicant: {name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="478"/>
        <source>统一社会信用代码：{code}</source>
        <translation>Unified social credit code: {code}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="480"/>
        <source>身份证号：{id}</source>
        <translation>ID number: {id}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="481"/>
        <source>办理事项：{service}</source>
        <translation>Service: {service}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="482"/>
        <source>本人（本单位）申请办理上述事项，主要材料已齐全。以下材料暂缺，承诺按期补交：</source>
        <translation>I (we) apply for the service above; the main documents are complete. The documents below are missing, and I (we) commit to handing them in on time:</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="491"/>
        <source>补交期限：{date}前（{n} 个工作日内）</source>
        <translation>Due by: {date} (within {n} working days)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="492"/>
        <source>本人（本单位）承诺所提供的信息真实有效。如未按期补交，将记入信用记录，本次办理可能被终止。</source>
        <translation>I (we) confirm that the information given is true. If the documents are not handed in on time, this goes on the credit record and the application may be ended.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="495"/>
        <source>承诺日期：{date}</source>
        <translation>Date: {date}</translation>
    </message>
</context>
<context>
    <name>OfficerScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="25"/>
        <source>境外投资者</source>
        <extracomment>The groups as the kiosk names them: (name, what the officer helps with).</extracomment>
        <translation>Foreign investors</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="26"/>
        <source>设立或变更外商投资企业</source>
        <translation>Setting up or changing a foreign-invested company</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="27"/>
        <source>高层次人才</source>
        <translation>High-level talent</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="28"/>
        <source>人才认定、人才公寓、子女入学</source>
        <translation>Talent status, talent flats, school places</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="29"/>
        <source>军人、退役军人</source>
        <translation>Service members and veterans</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="30"/>
        <source>优待证、报到登记、补助</source>
        <translation>Preferential card, registration, allowances</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="31"/>
        <source>老年人、行动不便的人</source>
        <translation>Older people, people with limited mobility</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="32"/>
        <source>可以请工作人员上门办理</source>
        <translation>Staff can come to your home</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="54"/>
        <source>服务专员 {name} · 24 小时电话 {phone}</source>
        <extracomment>What each group most often comes for (catalogue codes; one missing from the catalogue is left out).</extracomment>
        <translation>Service officer {name} · day and night: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="167"/>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="216"/>
        <source>请先选择您属于哪一类</source>
        <translation>Please choose which group you belong to first</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="194"/>
        <source>服务专员 + 联络员：一对一帮办代办</source>
        <translation>Service officers: one-to-one assisted service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="195"/>
        <source>境外投资者、高层次人才、军人和老年人，可以请服务专员一对一帮您办，还会留给您一个 24 小时都能打通的电话。</source>
        <translation>Foreign investors, high-level talent, service members and older people can have a service officer help them one to one, with a number to call day or night.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="197"/>
        <source>1. 您属于哪一类？</source>
        <translation>1. Which group are you in?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="202"/>
        <source>（已选）</source>
        <translation> (chosen)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="204"/>
        <source>2. 要办的事（可以不选）</source>
        <translation>2. What you need (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="205"/>
        <source>请先选择上面的一类</source>
        <translation>Choose a group above first</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="206"/>
        <source>不在这里也没关系，服务专员会问清楚</source>
        <translation>Not listed? The officer will ask you</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="212"/>
        <source>在大厅一对一帮办</source>
        <translation>One-to-one help in the hall</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="212"/>
        <source>取帮办代办号</source>
        <translation>Take an assisted service ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="213"/>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="214"/>
        <source>移动办公桌：请工作人员上门</source>
        <translation>Mobile desk: staff come to the home</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="213"/>
        <source>为行动不便的家人申请</source>
        <translation>For a family member who can&apos;t come</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/officer.py" line="217"/>
        <source>系统暂时无法登记，请到服务台由工作人员为您联系服务专员。</source>
        <translation>We can&apos;t take this request right now. Please ask at the information desk for a service officer.</translation>
    </message>
</context>
<context>
    <name>OfficersPanel</name>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="29"/>
        <source>待接单</source>
        <extracomment>A request&apos;s status as staff read it; done is marked ✓ (not by colour alone).</extracomment>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="30"/>
        <source>已接单</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="31"/>
        <source>✓ 已办结</source>
        <translation>✓ Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="35"/>
        <source>接单</source>
        <extracomment>What the one action on a request does next.</extracomment>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="36"/>
        <source>办结</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="95"/>
        <source>这条申请已被其他终端更新，请看刷新后的状态</source>
        <translation>Another terminal updated this request: see its status now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="100"/>
        <source>已更新为：{status}</source>
        <translation>Now: {status}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="121"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="123"/>
        <source>{name} · 24 小时 {phone} · {groups} · 待办 {n}</source>
        <translation>{name} · 24h {phone} · {groups} · open: {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="127"/>
        <source>暂无申请</source>
        <translation>No requests</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="142"/>
        <source>未选事项</source>
        <translation>No service chosen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="144"/>
        <source>移动办公桌（上门）· {when}</source>
        <translation>Mobile desk (home visit) · {when}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="145"/>
        <source>地址：{address} · 电话：{phone}</source>
        <translation>Address: {address} · Phone: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="147"/>
        <source>帮办代办 {number} · {when}</source>
        <translation>Assisted service {number} · {when}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="157"/>
        <source>{action}：{what}</source>
        <translation>{action}: {what}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="165"/>
        <source>服务专员 + 联络员</source>
        <translation>Service officers and liaisons</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="166"/>
        <source>每位服务专员的申请：接单后请尽快联系办事人，上门申请 1 个工作日内回电。</source>
        <translation>Each officer&apos;s requests: contact the applicant soon after accepting; call home-visit requests back within 1 working day.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/officers.py" line="167"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../kiosk/ui/shared/widgets.py" line="422"/>
        <source>← 退格</source>
        <extracomment>Sent to a button (so every application event filter sees it) when a person presses or toggles it — by a tap, a key, or a screen reader&apos;s action, which comes with no input event of its own. The idle watcher counts it as activity. What a checkable button that shows its state itself (a chip) puts before its label when on. a heading too long for its line is drawn down to this share of its size before anything is cut</extracomment>
        <translation>← Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/widgets.py" line="422"/>
        <source>退格</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/widgets.py" line="423"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/widgets.py" line="424"/>
        <source>空格</source>
        <translation>Space</translation>
    </message>
</context>
<context>
    <name>OpinionScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="196"/>
        <source>请写下您的意见或建议</source>
        <translation>Please write your suggestion</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="210"/>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="224"/>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="288"/>
        <source>请先按上面标出的提示修改</source>
        <translation>Please first fix what is noted above</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="229"/>
        <source>{problem}。请到服务台，工作人员会帮您登记。</source>
        <translation>{problem}. Please ask at the information desk: our staff will take it down.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="250"/>
        <source>请选一类</source>
        <translation>Please choose one</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="256"/>
        <source>现在是匿名提交：不留电话，我们无法单独回复您。</source>
        <translation>This will be sent anonymously: without a number we can&apos;t reply to you in person.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="258"/>
        <source>留了电话：工作人员会打电话回复您，回复后号码即删除。</source>
        <translation>With your number, our staff will call you with a reply; the number is deleted once they have replied.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="259"/>
        <source>提交</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="259"/>
        <source>匿名提交</source>
        <translation>Send anonymously</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="269"/>
        <source>人大代表接待日：当面听取您的意见建议</source>
        <translation>Deputies&apos; reception day: tell them in person</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="273"/>
        <source>对大厅的服务、办事流程、环境设施或政策，您有什么意见建议？请写下来，人大代表社情民意联系点定人收集整理。</source>
        <translation>Do you have a suggestion about our service, our procedures, the facilities or a policy? Write it here: staff of the People&apos;s Congress deputies&apos; liaison point collect and sort every one.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="275"/>
        <source>1. 关于哪方面？</source>
        <translation>1. What is it about?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="276"/>
        <source>2. 您的意见建议</source>
        <translation>2. Your suggestion</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="277"/>
        <source>内容（可以用拼音或英文写）</source>
        <translation>Your words (pinyin or English)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="278"/>
        <source>请写下您的意见建议</source>
        <translation>Write your suggestion here</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="279"/>
        <source>3. 留个电话？（可选）</source>
        <translation>3. Leave a number? (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="280"/>
        <source>手机号</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="281"/>
        <source>11 位手机号</source>
        <translation>Chinese mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="289"/>
        <source>谢谢您的意见建议</source>
        <translation>Thank you for your suggestion</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="292"/>
        <source>已记录（第 {n} 号）</source>
        <translation>Recorded (no. {n})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="293"/>
        <source>工作人员会打电话 {phone} 回复您。</source>
        <translation>Our staff will call you on {phone} with a reply.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="294"/>
        <source>这是匿名意见：没有留电话，我们无法单独回复您。</source>
        <translation>Sent anonymously: without a number we can&apos;t reply to you in person.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/opinion.py" line="297"/>
        <source>完成，返回首页</source>
        <translation>Done – back to the home screen</translation>
    </message>
</context>
<context>
    <name>OpinionsPanel</name>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="175"/>
        <location filename="../../kiosk/ui/console/opinions.py" line="184"/>
        <source>请写下回复了什么</source>
        <translation>Write what was replied</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="198"/>
        <source>第 {n} 号意见已回复</source>
        <translation>Suggestion no. {n} marked as answered</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="205"/>
        <source>第 {n} 号意见已由其他窗口回复，列表已更新</source>
        <translation>Another window has already answered suggestion no. {n}; the list is up to date</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="223"/>
        <source>匿名</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="223"/>
        <source>电话 {phone}</source>
        <translation>phone {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="224"/>
        <source>电话已删除</source>
        <translation>number deleted</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="225"/>
        <source>第 {n} 号 · {time} · {topic} · {who}</source>
        <translation>No. {n} · {time} · {topic} · {who}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="230"/>
        <source>待回复</source>
        <translation>Awaiting a reply</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="231"/>
        <source>✓ 已回复：{reply}</source>
        <translation>✓ Answered: {reply}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="261"/>
        <source>意见箱</source>
        <translation>Suggestion box</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="262"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="263"/>
        <source>意见箱：{n} 条待回复</source>
        <translation>Suggestion box: {n} awaiting a reply</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="264"/>
        <source>待回复 {n}</source>
        <translation>Awaiting a reply: {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="265"/>
        <source>全部 {n}</source>
        <translation>All: {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="270"/>
        <source>没有待回复的意见建议</source>
        <translation>No suggestions await a reply</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="270"/>
        <source>还没有意见建议</source>
        <translation>No suggestions yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="281"/>
        <source>回复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="281"/>
        <source>回复第 {n} 号</source>
        <translation>Reply to no. {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="287"/>
        <source>回复第 {n} 号意见</source>
        <translation>Reply to suggestion no. {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="288"/>
        <source>请打电话 {phone} 回复，再记下回复了什么；记下后号码即删除。</source>
        <translation>Call {phone} with the reply, then write down what was said; the number is deleted once it is recorded.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="289"/>
        <source>匿名意见：无法单独回复。记下如何处理（如在公示栏统一答复）。</source>
        <translation>Anonymous: no one to call. Write down how it was dealt with (for example, answered on the notice board).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="291"/>
        <source>回复了什么</source>
        <translation>What was replied</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="292"/>
        <source>回复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/console/opinions.py" line="302"/>
        <source>标记已回复</source>
        <translation>Mark as answered</translation>
    </message>
</context>
<context>
    <name>PadHeader</name>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="98"/>
        <source>{n} 号{name} · 服务评价</source>
        <extracomment>a service shown and not touched for this long goes back to the idle screen the thank-you stays this long (or until 完成 is tapped)</extracomment>
        <translation>Window {n} · {name} · Rate our service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="99"/>
        <source>语音</source>
        <translation>Voice</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="99"/>
        <source>长辈版</source>
        <translation>Senior mode</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="102"/>
        <source>切换语言</source>
        <translation>Switch language</translation>
    </message>
</context>
<context>
    <name>Questionnaire</name>
    <message>
        <location filename="../../kiosk/ui/study/questionnaire.py" line="130"/>
        <source>请先选一个答案</source>
        <translation>Please choose an answer first</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/questionnaire.py" line="189"/>
        <source>‹ 上一题</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/questionnaire.py" line="189"/>
        <source>上一题</source>
        <translation>Previous question</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/questionnaire.py" line="194"/>
        <source>{title} · 第 {n} 题，共 {total} 题</source>
        <translation>{title} · question {n} of {total}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/questionnaire.py" line="200"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/questionnaire.py" line="200"/>
        <source>下一题 ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/study/questionnaire.py" line="200"/>
        <source>下一题</source>
        <translation>Next question</translation>
    </message>
</context>
<context>
    <name>RatePage</name>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="170"/>
        <source>暂不评价</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>RateScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="286"/>
        <source>请先输入小票上的号码</source>
        <extracomment>a scanner&apos;s keys come a few ms apart: the lookup runs once none came for this long</extracomment>
        <translation>Please enter the number on your ticket first.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="292"/>
        <source>{number} 已经评价过了，每次服务只评一次。谢谢您！</source>
        <translation>{number} has been rated already: one rating per service. Thank you!</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="296"/>
        <source>为窗口服务评价</source>
        <translation>Rate a window&apos;s service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="297"/>
        <source>输入小票上的号码，或把小票上的二维码对准扫码口</source>
        <translation>Enter the number on your ticket, or hold the ticket&apos;s QR code to the scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="298"/>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="302"/>
        <source>小票号码</source>
        <translation>Ticket number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="301"/>
        <source>例如 A012</source>
        <translation>For example A012</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="309"/>
        <source>← 退格</source>
        <translation>← Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="309"/>
        <source>退格</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="310"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="312"/>
        <source>查找这次服务</source>
        <translation>Find this service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="314"/>
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="315"/>
        <source>{number}：{level}</source>
        <translation>{number}: {level}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="318"/>
        <source>我们会在 {n} 个工作日内回访，尽快整改。</source>
        <translation>We will call you back within {n} working day and put it right.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rate.py" line="320"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="62"/>
        <source>非常满意</source>
        <extracomment>Before a problem said at a field (the message is red, and says it by this mark too). The longest text the reason field takes from a keyboard; past it keys are not taken (the domain refuses anything over REASON_LIMIT anyway, with a message: nothing is cut silently).</extracomment>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="63"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="64"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="65"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="66"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="69"/>
        <source>服务态度好</source>
        <translation>Friendly staff</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="70"/>
        <source>办事效率高</source>
        <translation>Quick service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="71"/>
        <source>一次性告知清楚</source>
        <translation>Clear guidance in one go</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="72"/>
        <source>环境设施好</source>
        <translation>Good facilities</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="73"/>
        <source>引导帮办到位</source>
        <translation>Helpful guidance and assistance</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="74"/>
        <source>服务态度差</source>
        <translation>Unfriendly staff</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="75"/>
        <source>办事效率低</source>
        <translation>Slow service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="76"/>
        <source>一次性告知不清楚</source>
        <translation>Guidance not clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="77"/>
        <source>材料要求多</source>
        <translation>Too many documents asked for</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="78"/>
        <source>等候时间长</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="79"/>
        <source>环境设施差</source>
        <translation>Poor facilities</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="80"/>
        <source>事情没办成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="83"/>
        <source>最多 {limit} 个字，现在 {n} 个字，请删短一些</source>
        <translation>At most {limit} characters; this is {n}. Please shorten it.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="84"/>
        <source>有无法显示的字符，请清空后重新输入</source>
        <translation>Some characters cannot be shown. Please clear it and type again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="85"/>
        <source>请不要输入表情符号，用文字写</source>
        <translation>Please use words, not emoji.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="86"/>
        <source>请写几句</source>
        <translation>Please write a few words.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="105"/>
        <source>每条差评都有回复：{call} 个工作日内回访，{fix} 个工作日内整改，再请您评价整改结果。</source>
        <translation>Every poor rating gets an answer: a call back within {call} working day, the problem put right within {fix} working days, and then we ask you to rate the result.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="114"/>
        <location filename="../../kiosk/ui/shared/rating.py" line="118"/>
        <source>没有找到这个号码，请核对小票上的号码</source>
        <translation>We can&apos;t find this number. Please check the number on your ticket.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="120"/>
        <location filename="../../kiosk/ui/shared/rating.py" line="136"/>
        <source>{number} 还没有办结，办结后才能评价</source>
        <translation>{number} is not finished yet. You can rate it once it is done.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="122"/>
        <source>{number} 已经评价过了，每次服务只评一次。谢谢您！</source>
        <translation>{number} has been rated already: one rating per service. Thank you!</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="124"/>
        <location filename="../../kiosk/ui/shared/rating.py" line="508"/>
        <source>请选一个原因，或写几句，再提交</source>
        <translation>Please choose a reason or write a few words, then send.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="126"/>
        <source>写的话里有不能保存的内容，请修改后再提交</source>
        <translation>Part of what you wrote cannot be kept. Please change it and send again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="127"/>
        <source>现在无法评价，请稍后再试</source>
        <translation>Rating is not possible right now. Please try again later.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="135"/>
        <source>{number} 没有办理业务，无法评价</source>
        <translation>{number} was not served, so it cannot be rated.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="491"/>
        <source>您对本次服务满意吗？</source>
        <translation>How satisfied are you with this service?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="494"/>
        <source>您的评价：{level}</source>
        <translation>Your rating: {level}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="496"/>
        <source>改选</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="496"/>
        <source>改选满意程度</source>
        <translation>Change your rating</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="497"/>
        <source>不满意的地方（可多选）</source>
        <translation>What went wrong? (choose any)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="498"/>
        <source>哪些方面做得好？（可选，可多选）</source>
        <translation>What was good? (optional, choose any)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="499"/>
        <source>哪些方面还可以改进？（可选，可多选）</source>
        <translation>What could be better? (optional, choose any)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="502"/>
        <source>差评请选原因或写几句（必填其一）</source>
        <translation>For a poor rating, choose a reason or write a few words (one is needed)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="502"/>
        <source>想说的话（可选）</source>
        <translation>Anything to add? (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="503"/>
        <source>点右边的键盘输入</source>
        <translation>Tap Keyboard to type</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="504"/>
        <source>想说的话</source>
        <translation>Anything to add</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="505"/>
        <source>收起键盘</source>
        <translation>Hide keyboard</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="505"/>
        <source>键盘</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="512"/>
        <source>已写 {n} 个字，最多 {limit} 个字</source>
        <translation>{n} characters written, at most {limit}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="528"/>
        <source>提交评价</source>
        <translation>Send rating</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="284"/>
        <source>已选：{name}</source>
        <translation>Chosen: {name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="296"/>
        <source>请至少选一项，或在下面补充说明里写一写</source>
        <translation>Please choose at least one, or describe it under More details</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="305"/>
        <source>请选一个找到的事项，或输入您想办的事</source>
        <translation>Please choose a service found, or type what you wanted to do</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="322"/>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="355"/>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="442"/>
        <source>请先按上面标出的提示修改</source>
        <translation>Please first fix what is noted above</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="360"/>
        <source>{problem}。请到服务台，工作人员会帮您登记。</source>
        <translation>{problem}. Please ask at the information desk: our staff will take it down.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="366"/>
        <source>现在无法登记，请到服务台，工作人员会帮您登记。</source>
        <translation>This can&apos;t be recorded right now. Please ask at the information desk: our staff will take it down.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="373"/>
        <source>您反映的问题已记录（第 {n} 号），工作人员叫号时会看到。</source>
        <translation>Your problem is recorded (no. {n}): staff will see it when they call your ticket.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="375"/>
        <source>处理结果会打电话告诉您：{phone}</source>
        <translation>We will call you with the outcome: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="387"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="396"/>
        <source>（见补充说明）</source>
        <translation>(see More details)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="398"/>
        <source>{phone}（处理结果会打电话告诉您）</source>
        <translation>{phone} (we will call you with the outcome)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="399"/>
        <source>没有留电话：结果请在专窗当面问</source>
        <translation>No number left: ask for the outcome at the window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="401"/>
        <source>想办的事</source>
        <translation>What you wanted to do</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="401"/>
        <source>遇到的问题</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="401"/>
        <source>补充说明</source>
        <translation>More details</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="402"/>
        <source>联系电话</source>
        <translation>Contact number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="411"/>
        <source>在别处没办成的事，请告诉我们。{windows} 号专窗的工作人员会帮您协调；确实办不了的，也会当面说清楚。</source>
        <translation>Couldn&apos;t get something done elsewhere? Tell us. Staff at the dedicated window {windows} will sort it out with you, and if it really can&apos;t be done, they will explain why in person.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="413"/>
        <source>1. 您想办什么事？</source>
        <translation>1. What did you want to do?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="414"/>
        <source>事项名称（拼音首字母、全拼或英文）</source>
        <translation>Name of the service (English or pinyin)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="415"/>
        <source>如 yyzz、shebao</source>
        <translation>e.g. licence, yyzz, shebao</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="416"/>
        <source>点一下找到的事项选中它；找不到也没关系，您输入的字会记下来。</source>
        <translation>Tap a service found to choose it. Nothing fits? That&apos;s fine: what you typed is kept.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="417"/>
        <source>2. 遇到了什么问题？（可多选）</source>
        <translation>2. What went wrong? (choose any)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="418"/>
        <source>补充说明（可选）</source>
        <translation>More details (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="419"/>
        <source>可以用拼音或英文写</source>
        <translation>Pinyin or English</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="420"/>
        <source>3. 留个电话？（可选）</source>
        <translation>3. Leave a number? (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="421"/>
        <source>留了电话，处理结果会打电话告诉您；不留也可以，请在专窗当面问。</source>
        <translation>With a number, we will call you with the outcome. Without one, ask at the window in person.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="422"/>
        <source>手机号</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="423"/>
        <source>11 位手机号</source>
        <translation>Chinese mobile number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="424"/>
        <source>不方便输入？直接取号，到 {windows} 号专窗当面说</source>
        <translation>Rather not type? Take a ticket and tell the dedicated window {windows} in person</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="425"/>
        <source>下一步：核对</source>
        <translation>Next: check</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="426"/>
        <source>请核对您反映的问题</source>
        <translation>Please check your report</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="427"/>
        <source>确认后打印一张号，请到 {windows} 号专窗等候叫号。工作人员叫号时会看到您填写的内容。</source>
        <translation>Once you confirm, a ticket is printed: wait for your call at the dedicated window {windows}. Staff will see what you wrote when they call you.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="429"/>
        <source>返回修改</source>
        <translation>Change it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/report.py" line="430"/>
        <source>确认提交并取号</source>
        <translation>Confirm and take a ticket</translation>
    </message>
</context>
<context>
    <name>RongqueScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="101"/>
        <source>容缺受理</source>
        <extracomment>Companies on the demo licence scanner (assets/credit.yaml): two in good standing, one not.</extracomment>
        <translation>Accept now, submit later</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="130"/>
        <source>请点选暂缺的材料（可以选多项）</source>
        <translation>Please tap the documents you are missing (you can choose several)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="136"/>
        <source>下一步：填写申请人</source>
        <translation>Next: the applicant</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="142"/>
        <source>缺少哪些材料？请点选（可以选多项）</source>
        <translation>Which documents are you missing? Tap them (you can choose several)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="143"/>
        <source>主要材料齐全时，下面这些材料可以先签承诺书，{n} 个工作日内补交。有不良信用记录的申请人除外。</source>
        <translation>If your main documents are complete, you can sign a commitment for the documents below and hand them in within {n} working days. Not available with a poor credit record.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="149"/>
        <source>{name}（{form}）</source>
        <translation>{name} ({form})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/rongque.py" line="153"/>
        <source>这些材料办理时必须带齐：</source>
        <translation>These documents must be brought when you apply:</translation>
    </message>
</context>
<context>
    <name>SelfConfirmScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="157"/>
        <source>核对证照</source>
        <translation>Check your e-certificates</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="186"/>
        <source>系统暂时无法办理，请到服务台由工作人员为您办理。</source>
        <translation>We can&apos;t complete this right now. Please ask at the information desk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="202"/>
        <source>长期有效</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="203"/>
        <source>持证人</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="203"/>
        <source>证照号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="204"/>
        <source>发证机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="204"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="212"/>
        <source>信息无误，确认办理</source>
        <translation>All correct: complete the service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="219"/>
        <source>已为{name}调取以下电子证照，请核对：</source>
        <translation>We fetched these e-certificates for {name}. Please check them:</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="223"/>
        <source>本机按以上信息和标准模板为您生成：{forms}。确认办理即视为签署。</source>
        <translation>From these details and the standard templates, this machine fills in for you: {forms}. Confirming signs them.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="226"/>
        <source>信息不对？请不要确认，到服务台咨询。</source>
        <translation>Something wrong? Don&apos;t confirm: please ask at the information desk.</translation>
    </message>
</context>
<context>
    <name>SelfResultScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="268"/>
        <source>办理完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="281"/>
        <source>完成，返回首页</source>
        <translation>Done – back to the home screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="287"/>
        <source>零材料自助办理已完成</source>
        <translation>Completed here at the kiosk: no documents needed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="292"/>
        <source>申请人身份证号：{id}</source>
        <translation>Applicant&apos;s ID number: {id}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="293"/>
        <source>办理时间：{time}</source>
        <translation>Completed: {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="295"/>
        <source>营业执照已核发，执照信息已同步到电子证照库。</source>
        <translation>Your business licence is issued and added to the e-certificate records.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="296"/>
        <source>已办结，不用再到窗口。</source>
        <translation>All done: no need to go to a window.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="298"/>
        <source>办理结果没能打印（{error}），请记下上面的编号，或到服务台补打。</source>
        <translation>The result could not be printed ({error}). Please note down the number above, or ask at the information desk for a printout.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="302"/>
        <source>办理结果已打印，请取走。</source>
        <translation>Your result has been printed. Please take it.</translation>
    </message>
</context>
<context>
    <name>SelfService</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/result_pdf.py" line="29"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/result_pdf.py" line="30"/>
        <source>办理编号</source>
        <translation>Reference number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/result_pdf.py" line="39"/>
        <source>零材料自助办理结果 · {what}</source>
        <translation>Self-service result (no documents needed) · {what}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/result_pdf.py" line="41"/>
        <source>申请人身份证号：{id}</source>
        <translation>Applicant&apos;s ID number: {id}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/result_pdf.py" line="42"/>
        <source>办理时间：{time}</source>
        <translation>Completed: {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/result_pdf.py" line="43"/>
        <source>已办结，不用再到窗口。</source>
        <translation>All done: no need to go to a window.</translation>
    </message>
</context>
<context>
    <name>SelfServiceScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="90"/>
        <source>自助办理（零材料）</source>
        <translation>Do it here yourself (no documents needed)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="115"/>
        <source>下一步：调取电子证照</source>
        <translation>Next: fetch your e-certificates</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="120"/>
        <source>零材料：所需证照从电子证照库调取，不用带材料，也不用到窗口。</source>
        <translation>No documents needed: what the service needs is fetched from the e-certificate records. Nothing to bring, no window to visit.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/selfservice.py" line="121"/>
        <source>① 核验身份&#x3000;② 核对电子证照&#x3000;③ 打印办理结果</source>
        <translation>① Your ID   ② Check your e-certificates   ③ Print the result</translation>
    </message>
</context>
<context>
    <name>ServiceCard</name>
    <message>
        <location filename="../../kiosk/ui/shared/rating.py" line="192"/>
        <source>{n} 号{name}办理</source>
        <translation>Window {n} · {name}</translation>
    </message>
</context>
<context>
    <name>SlipScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="172"/>
        <source>完成，返回首页</source>
        <translation>Done – back to the home screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="180"/>
        <source>您的号码 {number}</source>
        <translation>Your number: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="75"/>
        <source>绿色通道 · 优先叫号</source>
        <translation>Priority service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="27"/>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="81"/>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="56"/>
        <source>、</source>
        <extracomment>Letters a credit code never uses, and the digit a person most likely meant.</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="30"/>
        <source>请到 {span} 号{name}等候叫号</source>
        <translation>Please wait to be called to {name} {span}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="50"/>
        <source>马上就到您，请留意叫号</source>
        <translation>You&apos;re next: please watch the call board</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="51"/>
        <source>预计等候约 {lo}–{hi} 分钟</source>
        <translation>Estimated wait: about {lo}–{hi} minutes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="71"/>
        <source>取号凭条</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="39"/>
        <source>前面还有 {n} 人</source>
        <translation>People ahead of you: {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="29"/>
        <source>办理窗口：{span} 号{name}</source>
        <translation>Served at {name} {span}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="103"/>
        <source>今天 {time}</source>
        <translation>{time} today</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="105"/>
        <source>明天 {time}</source>
        <translation>{time} tomorrow</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="20"/>
        <location filename="../../kiosk/ui/shared/words.py" line="107"/>
        <source>周一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="20"/>
        <location filename="../../kiosk/ui/shared/words.py" line="107"/>
        <source>周二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="21"/>
        <location filename="../../kiosk/ui/shared/words.py" line="108"/>
        <source>周三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="21"/>
        <location filename="../../kiosk/ui/shared/words.py" line="108"/>
        <source>周四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="22"/>
        <location filename="../../kiosk/ui/shared/words.py" line="109"/>
        <source>周五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="22"/>
        <location filename="../../kiosk/ui/shared/words.py" line="109"/>
        <source>周六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/deferral_words.py" line="23"/>
        <location filename="../../kiosk/ui/shared/words.py" line="110"/>
        <source>周日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="111"/>
        <source>{weekday} {time}</source>
        <translation>{time} on {weekday}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="112"/>
        <source>{date} {time}</source>
        <translation>{time} on {date}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="36"/>
        <source>今天已停止叫号</source>
        <translation>Calling has finished for today.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="38"/>
        <source>今天窗口休息，不叫号</source>
        <translation>The windows are closed today.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="54"/>
        <source>请在办公时间重新取号</source>
        <translation>Please take a new ticket during opening hours.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="55"/>
        <source>{when} 起请重新取号办理</source>
        <translation>Please take a new ticket from {when}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="57"/>
        <source>窗口暂停服务，恢复后按顺序叫号，请留意叫号</source>
        <translation>The windows are paused. You keep your place: please watch the call board.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="59"/>
        <source>{when} 开始叫号，请留意叫号</source>
        <translation>Calling starts at {when}: please watch the call board.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="60"/>
        <source>窗口暂停服务，约 {time} 起继续叫号</source>
        <translation>The windows are paused. Calling resumes at about {time}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="77"/>
        <source>快到您时短信提醒 {phone}</source>
        <translation>Text reminder to {phone} before your turn</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="78"/>
        <source>取号时间 {time}</source>
        <translation>Ticket taken at {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="80"/>
        <source>过号了？请到服务台说明，可重新排队。办不成事？请到 {windows} 号专窗</source>
        <translation>Missed your number? Ask at the information desk to rejoin the queue. Not sorted out elsewhere? Problem-solving window: Window {windows}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="82"/>
        <source>过号了？请到服务台说明，可重新排队</source>
        <translation>Missed your number? Ask at the information desk to rejoin the queue.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="192"/>
        <source>这是您已取号码的补打小票，号码和排队位置不变。</source>
        <translation>This is a reprint of your ticket; your number and place in the queue are unchanged.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="195"/>
        <source>小票没能打印（{error}），请记下您的号码。</source>
        <translation>Your ticket could not be printed ({error}). Please note down your number.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/slip.py" line="198"/>
        <source>小票已打印，请取走。</source>
        <translation>Your ticket has been printed – please take it.</translation>
    </message>
</context>
<context>
    <name>StaffPinOverlay</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff.py" line="104"/>
        <source>已输入 {n} 位</source>
        <translation>{n} digits entered</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff.py" line="108"/>
        <source>请稍后再试</source>
        <translation>Please try again later</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff.py" line="119"/>
        <source>密码错误次数过多，请一分钟后再试</source>
        <translation>Too many wrong PINs. Please try again in a minute.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff.py" line="121"/>
        <source>密码不对</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff.py" line="137"/>
        <source>工作人员：输入密码退出全屏</source>
        <translation>Staff: enter the PIN to leave full screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff.py" line="138"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/staff.py" line="139"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="50"/>
        <location filename="../../kiosk/ui/shared/words.py" line="51"/>
        <source>系统暂时无法保存</source>
        <translation>our system cannot save anything at the moment</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="52"/>
        <source>系统正在重新连接，请稍候</source>
        <translation>our system is reconnecting</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="53"/>
        <source>本机需要工作人员处理</source>
        <translation>this machine needs a member of staff</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shared/words.py" line="72"/>
        <source>系统暂时无法使用</source>
        <translation>our system is not responding</translation>
    </message>
</context>
<context>
    <name>ThanksPage</name>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="208"/>
        <source>谢谢您！</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="212"/>
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="213"/>
        <source>{number}：{level}</source>
        <translation>{number}: {level}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="215"/>
        <source>我们会在 {n} 个工作日内回访，尽快整改。</source>
        <translation>We will call you back within {n} working day and put it right.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pad/window.py" line="217"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>TicketMenuScreen</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/ticket_menu.py" line="64"/>
        <source>请选择取号方式</source>
        <extracomment>Desks a citizen can queue for without choosing an item.</extracomment>
        <translation>How would you like to take a ticket?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/ticket_menu.py" line="65"/>
        <source>按事项取号</source>
        <translation>Ticket for a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/ticket_menu.py" line="65"/>
        <source>查找要办的事，看清材料再取号</source>
        <translation>Check what to bring, then take a ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/ticket_menu.py" line="66"/>
        <source>一件事 · 一次办</source>
        <translation>Service package · one visit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/ticket_menu.py" line="67"/>
        <source>几件相关的事，一次取号、一个窗口办完</source>
        <translation>Several related services: one ticket, one window</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/ticket_menu.py" line="72"/>
        <source>不确定办什么？</source>
        <translation>Not sure what you need?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/ticket_menu.py" line="73"/>
        <source>综合咨询：先问一问</source>
        <translation>Enquiries: ask us first</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/ticket_menu.py" line="74"/>
        <source>帮办代办：老年人、军人、残疾人、境外投资者一对一帮办</source>
        <translation>Assisted service: one-to-one help for older people, service members, people with disabilities and foreign investors</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/ticket_menu.py" line="75"/>
        <source>找服务专员：一对一帮办，留 24 小时电话，也可以上门</source>
        <translation>Service officer: one-to-one help, a number to call day or night, home visits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/screens/ticket_menu.py" line="76"/>
        <source>办不成事反映：在别处没办成的事，请到这里反映</source>
        <translation>Problem-solving window: not sorted out elsewhere? We&apos;ll take it from here.</translation>
    </message>
</context>
<context>
    <name>WaitNote</name>
    <message>
        <location filename="../../kiosk/ui/kiosk/wait.py" line="48"/>
        <source>请稍候</source>
        <translation>One moment, please</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk/wait.py" line="49"/>
        <source>正在为您办理，请不要离开。</source>
        <translation>We&apos;re dealing with your request. Please don&apos;t leave.</translation>
    </message>
</context>
</TS>
