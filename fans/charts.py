"""The dossier's sentiment chart: an inline SVG drawn on the server (no script, nothing fetched).
Each fan message's polarity (-1..1) over time, and the current disengagement signals drawn as
marks where they were detected, coloured by severity."""
from datetime import datetime, timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 760, 240, 40, 150, 16, 30
SEVERITY = {"low": "#d4a000", "medium": "#e06c00", "high": "#c8102e"}


def sentiment_svg(points: list[tuple[datetime, float]], signals: list[tuple[datetime, dict]], now: datetime) -> SafeString:
    times = [at for at, _ in points] + [at for at, _ in signals] + [now]
    start, end = min(times), max(times)
    span = max((end - start).total_seconds(), timedelta(hours=1).total_seconds())

    def x(at: datetime) -> float:
        return LEFT + (at - start).total_seconds() / span * (WIDTH - LEFT - RIGHT)

    def y(polarity: float) -> float:
        return TOP + (1 - polarity) / 2 * (HEIGHT - TOP - BOTTOM)

    parts = [_frame(y, start, end)]
    if len(points) > 1:
        path = " ".join(f"{x(at):.1f},{y(value):.1f}" for at, value in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#417690" stroke-width="1.5"/>')
    parts += [f'<circle cx="{x(at):.1f}" cy="{y(value):.1f}" r="3" fill="{_tone(value)}">'
              f'<title>{at:%d %b %Y %H:%M} UTC: {value:+.2f}</title></circle>' for at, value in points]
    parts += [_signal_mark(x(at), index, signal) for index, (at, signal) in enumerate(signals)]
    if not points:
        parts.append(f'<text x="{WIDTH / 2 - RIGHT / 2}" y="{y(0) - 8}" text-anchor="middle">No fan message yet</text>')
    return mark_safe(f'<svg class="sentiment-chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
                     f'height="{HEIGHT}" font-size="11" font-family="sans-serif" aria-label="Sentiment over time">'
                     + "".join(parts) + "</svg>")


def _frame(y, start: datetime, end: datetime) -> str:
    right = WIDTH - RIGHT
    return (f'<rect x="{LEFT}" y="{TOP}" width="{right - LEFT}" height="{y(0) - TOP}" fill="#eef7ee"/>'
            f'<rect x="{LEFT}" y="{y(0)}" width="{right - LEFT}" height="{y(-1) - y(0)}" fill="#fbeeee"/>'
            f'<line x1="{LEFT}" x2="{right}" y1="{y(0)}" y2="{y(0)}" stroke="#999" stroke-dasharray="4 3"/>'
            f'<text x="{LEFT - 6}" y="{y(1) + 4}" text-anchor="end">+1</text>'
            f'<text x="{LEFT - 6}" y="{y(0) + 4}" text-anchor="end">0</text>'
            f'<text x="{LEFT - 6}" y="{y(-1) + 4}" text-anchor="end">-1</text>'
            f'<text x="{LEFT}" y="{HEIGHT - 10}">{start:%d %b %Y}</text>'
            f'<text x="{right}" y="{HEIGHT - 10}" text-anchor="end">{end:%d %b %Y}</text>')


def _signal_mark(at_x: float, index: int, signal: dict) -> str:
    colour = SEVERITY.get(signal["severity"], "#666")
    label = escape(f'{signal["type"].replace("_", " ")} ({signal["severity"]})')
    label_y = TOP + 14 + index * 16
    return (f'<g class="signal"><line x1="{at_x:.1f}" x2="{at_x:.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="6 3"/>'
            f'<circle cx="{at_x:.1f}" cy="{label_y - 4}" r="4" fill="{colour}"/>'
            f'<text x="{at_x + 8:.1f}" y="{label_y}" fill="{colour}">{label}</text>'
            f'<title>{escape(signal["suggested_action"])}</title></g>')


def _tone(polarity: float) -> str:
    return "#2e7d32" if polarity > 0.05 else "#c8102e" if polarity < -0.05 else "#777"
