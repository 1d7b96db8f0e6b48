"""6. Resident memory (VmRSS from /proc/self/status) of the kiosk after a full citizen flow vs a bare
PySide6 window with one label, each in a fresh subprocess (benchmarks/_child.py). Target ≤ 2×.

Flow, by QTest taps with a real repaint after each, once the kiosk's warm-up after its first frame
is over (a citizen takes longer than that to reach the screen): home → 事项查询 → type "spjy" →
first row (item) → 取号 → identity: persona card → 确认取号 → slip (PDF written) → 完成 → home.
"""

from __future__ import annotations

import common
from common import Row, info_row, mib, ratio_row

TARGET = 2.0


def run() -> list[Row]:
    bare = common.run_child("bare", flow=True)
    kiosk = common.run_child("kiosk", common.data_dir_with_warm_cache("memory"), flow=True)
    fresh = common.run_child("kiosk", common.fresh_dir("memory-fresh"), flow=True)
    return [
        ratio_row("6. VmRSS after home→browse→search→item→identity(persona)→slip→home (fresh process, "
                  "warm cache, after the warm-up) vs bare window painted",
                  kiosk["rss_kb"], bare["rss_kb"], TARGET, fmt=mib),
        info_row("  ↳ kiosk right after home painted / peak VmHWM / after the flow on a fresh install (empty data dir)",
                 f"{mib(kiosk['rss_painted_kb'])} / {mib(kiosk['hwm_kb'])} / {mib(fresh['rss_kb'])}",
                 mib(bare["rss_kb"]),
                 f"{kiosk['rss_painted_kb'] / bare['rss_kb']:.2f}× / {kiosk['hwm_kb'] / bare['rss_kb']:.2f}× / "
                 f"{fresh['rss_kb'] / bare['rss_kb']:.2f}×"),
    ]


if __name__ == "__main__":
    common.run_standalone(run)
