"""The study's statistics (kiosk/usability/stats.py) against published vectors and tables."""

import math

import pytest

from kiosk.usability import stats


def test_sus_published_vectors():
    assert stats.sus_score([3] * 10) == 50
    assert stats.sus_score([5, 1] * 5) == 100
    assert stats.sus_score([4, 2] * 5) == 75
    assert stats.sus_score([1, 5] * 5) == 0
    # Brooke's scoring by hand: odd items r − 1, even items 5 − r, × 2.5
    assert stats.sus_score([4, 1, 4, 2, 3, 2, 5, 1, 4, 3]) == 2.5 * ((3 + 3 + 2 + 4 + 3) + (4 + 3 + 3 + 4 + 2))


@pytest.mark.parametrize("answers, problem", [
    ([3] * 9, "has 10 items; got 9"),
    ([3] * 11, "has 10 items; got 11"),
    ([3] * 9 + [6], "item 10: 6 is not an answer from 1 to 5"),
    ([0] + [3] * 9, "item 1: 0"),
    ([3.5] + [3] * 9, "item 1: 3.5"),
    ([True] + [3] * 9, "item 1: True"),
])
def test_sus_refuses_bad_answers(answers, problem):
    with pytest.raises(ValueError, match=problem):
        stats.sus_score(answers)


@pytest.mark.parametrize("score, grade", [
    (100, "A+"), (84.1, "A+"), (84.0, "A"), (80.8, "A"), (80.7, "A-"), (78.9, "A-"), (78.8, "B+"), (77.2, "B+"),
    (77.1, "B"), (74.1, "B"), (74.0, "B-"), (72.6, "B-"), (72.5, "C+"), (71.1, "C+"), (71.0, "C"), (68, "C"),
    (65.0, "C"), (64.9, "C-"), (62.7, "C-"), (62.6, "D"), (51.7, "D"), (51.6, "F"), (0, "F")])
def test_sus_curved_grading_scale(score, grade):
    assert stats.sus_grade(score) == grade


@pytest.mark.parametrize("score, adjective", [
    (0, "Worst imaginable"), (16.0, "Worst imaginable"), (17.0, "Awful"), (35.7, "Poor"), (50, "OK"),
    (61.0, "OK"), (62.0, "Good"), (75, "Good"), (79.0, "Excellent"), (85.5, "Excellent"), (89, "Best imaginable"),
    (100, "Best imaginable")])
def test_sus_adjective_is_the_nearest_mean(score, adjective):
    assert stats.sus_adjective(score)[0] == adjective


def test_sus_grade_and_adjective_refuse_out_of_range():
    for f in (stats.sus_grade, stats.sus_adjective):
        with pytest.raises(ValueError, match="from 0 to 100"):
            f(101)


def test_umux_lite_vectors():
    assert stats.umux_lite(7, 7) == 100
    assert stats.umux_lite(1, 1) == 0
    assert stats.umux_lite(4, 4) == 50
    assert stats.umux_lite(6, 5) == pytest.approx(75)
    with pytest.raises(ValueError, match="UMUX-Lite item 2: 8"):
        stats.umux_lite(7, 8)


def test_seq_mean():
    assert stats.seq_mean([7, 5, 6]) == 6
    assert stats.seq_mean([]) is None
    with pytest.raises(ValueError, match="SEQ: 0"):
        stats.seq_mean([0])


def test_adjusted_wald_published_vector():
    iv = stats.adjusted_wald(4, 5)
    assert iv.estimate == 0.8
    assert round(iv.low, 3) == 0.360 and round(iv.high, 3) == 0.980


def test_adjusted_wald_edges_are_clipped():
    assert stats.adjusted_wald(5, 5).high == 1.0
    assert stats.adjusted_wald(0, 5).low == 0.0
    none = stats.adjusted_wald(0, 5)  # by hand: p̃ = 1.9208 / 8.8416, p̃ + 1.96 · √(p̃(1 − p̃) / 8.8416)
    assert none.high == pytest.approx(0.489, abs=5e-4)
    with pytest.raises(ValueError):
        stats.adjusted_wald(6, 5)
    with pytest.raises(ValueError):
        stats.adjusted_wald(0, 0)


def test_agresti_caffo_difference_by_hand():
    iv = stats.proportion_difference(9, 10, 5, 10)
    p1, p2 = 10 / 12, 6 / 12
    half = 1.959964 * math.sqrt(p1 * (1 - p1) / 12 + p2 * (1 - p2) / 12)
    assert iv.estimate == pytest.approx(0.4)
    assert iv.low == pytest.approx(p1 - p2 - half, abs=1e-6) and iv.high == pytest.approx(p1 - p2 + half, abs=1e-6)
    assert stats.proportion_difference(10, 10, 0, 10).high <= 1.0


@pytest.mark.parametrize("p, df, table", [
    (0.975, 1, 12.706), (0.975, 2, 4.303), (0.975, 4, 2.776), (0.975, 10, 2.228), (0.975, 30, 2.042),
    (0.975, 120, 1.980), (0.95, 1, 6.314), (0.95, 5, 2.015), (0.95, 20, 1.725), (0.995, 3, 5.841),
    (0.995, 10, 3.169), (0.9, 8, 1.397)])
def test_t_quantile_against_the_printed_table(p, df, table):
    assert round(stats.t_quantile(p, df), 3) == table
    assert stats.t_quantile(1 - p, df) == pytest.approx(-stats.t_quantile(p, df))


def test_t_quantile_large_df_tends_to_the_normal():
    assert stats.t_quantile(0.975, 1e6) == pytest.approx(1.959964, abs=1e-4)
    assert stats.t_cdf(0, 7) == pytest.approx(0.5)
    assert stats.t_cdf(stats.t_quantile(0.9, 3.5), 3.5) == pytest.approx(0.9, abs=1e-10)  # fractional (Welch) df
    with pytest.raises(ValueError):
        stats.t_quantile(1.0, 5)
    with pytest.raises(ValueError):
        stats.t_quantile(0.9, 0)


def test_geometric_mean_and_its_interval_on_logs():
    iv = stats.geometric_mean([10, 20, 40])
    assert iv.estimate == pytest.approx(20)
    # logs: mean ln 20, sd ln 2 (exactly: ln10, ln20, ln40 step by ln 2); half = t(0.975, 2) · ln2 / √3
    half = 4.302653 * math.log(2) / math.sqrt(3)
    assert iv.low == pytest.approx(20 * math.exp(-half), rel=1e-5)
    assert iv.high == pytest.approx(20 * math.exp(half), rel=1e-5)
    one = stats.geometric_mean([12.5])
    assert one.estimate == pytest.approx(12.5) and one.low is None
    with pytest.raises(ValueError, match="above 0"):
        stats.geometric_mean([3, 0])


def test_mean_difference_welch_and_pooled():
    a, b = [1, 2, 3, 4], [2, 4, 6, 8, 10]
    pooled = stats.mean_difference(a, b, welch=False)
    va, vb = 5 / 3, 10.0
    sp2 = (3 * va + 4 * vb) / 7
    half = 2.364624 * math.sqrt(sp2 * (1 / 4 + 1 / 5))  # t(0.975, 7)
    assert pooled.estimate == pytest.approx(-3.5)
    assert pooled.low == pytest.approx(-3.5 - half, abs=1e-5)
    welch = stats.mean_difference(a, b)
    se2 = va / 4 + vb / 5
    df = se2 ** 2 / ((va / 4) ** 2 / 3 + (vb / 5) ** 2 / 4)
    assert welch.high == pytest.approx(-3.5 + stats.t_quantile(0.975, df) * math.sqrt(se2))
    same = stats.mean_difference([1, 2, 3], [4, 5, 6]), stats.mean_difference([1, 2, 3], [4, 5, 6], welch=False)
    assert same[0] == same[1]  # equal sizes and variances: Welch's df is the pooled one, n1 + n2 − 2


def test_paired_difference_is_the_one_sample_interval_of_differences():
    iv = stats.mean_interval([10.0, 20.0, 30.0])
    assert iv.estimate == 20
    assert iv.high - iv.estimate == pytest.approx(4.302653 * 10 / math.sqrt(3), rel=1e-6)
    assert stats.mean_interval([5.0]).low is None


def test_ratio_of_geometric_means():
    iv = stats.ratio_of_geometric_means([10, 20, 40], [20, 40, 80])
    assert iv.estimate == pytest.approx(0.5)
    assert iv.low < 0.5 < iv.high
