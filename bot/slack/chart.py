"""The weekly report's chart: response rate, median time to first reply and the backlog per day, as a PNG.

Rendered with matplotlib's Agg canvas on a Figure of its own (no pyplot state), so it is safe in any thread and
needs no display. matplotlib is imported when a chart is drawn: the other commands start without it.
"""

from __future__ import annotations

import io

from bot.db.stats import DayFigures

WIDTH, HEIGHT, DPI = 8, 7, 100  # inches, inches, dots per inch: an 800x700 image


def weekly_chart(days: tuple[DayFigures, ...], title: str) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    rate_axes, reply_axes, backlog_axes = figure.subplots(3, 1, sharex=True)
    labels = [f"{day.day:%a %d}" for day in days]
    positions = range(len(days))

    rates = [100 * day.answered / day.received if day.received else 0 for day in days]
    rate_axes.bar(positions, rates, color="#2eb67d")
    rate_axes.set_ylim(0, 100)
    rate_axes.set_ylabel("answered (%)")
    rate_axes.set_title("Response rate of the day's comments", loc="left", fontsize=10)

    hours = [(day.median_reply_seconds or 0) / 3600 for day in days]
    reply_axes.bar(positions, hours, color="#36c5f0")
    reply_axes.set_ylabel("hours")
    reply_axes.set_title("Median time to first reply", loc="left", fontsize=10)

    backlog_axes.plot(positions, [day.backlog for day in days], marker="o", color="#e01e5a")
    backlog_axes.set_ylim(bottom=0)
    backlog_axes.set_ylabel("comments")
    backlog_axes.set_title("Waiting at the end of the day", loc="left", fontsize=10)
    backlog_axes.set_xticks(list(positions), labels)

    for axes in (rate_axes, reply_axes, backlog_axes):
        axes.grid(axis="y", alpha=0.3)
        axes.spines[["top", "right"]].set_visible(False)
    figure.suptitle(title)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
