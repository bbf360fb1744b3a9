/* html.h: pieces of self-contained HTML pages (no scripts, no network): escaping of untrusted
 * text, the story's light markup, a horizontal bar chart and a line chart as inline SVG, and
 * the CSS they expect (assets/css/charts.css). Used by `ladder report` and the workshop
 * debrief (out/debrief.h); meant for any page Ladder writes. */
#ifndef LADDER_HTML_H
#define LADDER_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "core/util.h"

/* Append s HTML-escaped (& < > " ' become entities; control characters other than tab and
 * newline are dropped; each maximal ill-formed UTF-8 part becomes one U+FFFD, as core/utf8.h
 * decodes). NULL appends nothing. Safe in text and in quoted attribute values. */
void html_escape(Buf *b, const char *s);

/* Append s escaped, with the story's light markup (read by text_markup, the one parser) as HTML:
 * *emphasis* and **strong**, nested as HTML needs; a blank
 * line ends a paragraph and a single newline is a line break. The result is phrasing content;
 * paragraphs are separated by <br><br>. */
void html_markup(Buf *b, const char *s);

/* Append s (at most max characters, cut at a word, with an ellipsis) escaped, markup removed. */
void html_excerpt(Buf *b, const char *s, size_t max);

/* One row of a horizontal bar chart. */
typedef struct HtmlBar {
    const char *label; /* HTML (the caller escapes what it puts there) */
    double share;      /* 0..1: the bar's length */
    double base;       /* 0..1: the comparison bar (e.g. random play); < 0: none */
    const char *value; /* HTML shown after the bar, e.g. "12 (48%)"; NULL: the share */
    const char *base_value; /* HTML shown after the comparison bar; NULL: its share */
    const char *cls;   /* an extra class for the row (e.g. a verdict), or NULL */
    const char *id;    /* a data-id attribute for the row (for tests and styles), or NULL */
} HtmlBar;

/* Append a bar chart: one row per bar with its label (wrapping text), the bar drawn in an
 * inline SVG (so it prints without background graphics) and its value. With a comparison,
 * each row carries a second, thinner bar. base_name names the comparison in a legend (e.g.
 * "random play"); NULL: no legend. */
void html_bar_chart(Buf *b, const HtmlBar *bars, size_t n, const char *main_name,
                    const char *base_name);

/* One line of a line chart: point i is at x = i; NAN values leave a gap. */
typedef struct HtmlSeries {
    const double *y;
    size_t n;
    const char *cls; /* CSS class: "line" (thin), "median" (bold), "base" (dashed) or own */
    double opacity;  /* 0: the class's own */
    bool halo;       /* drawn over a white outline, to stand out over many other lines */
    const double *lo; /* not NULL: a band, filled between lo (its lower edge) and y, over the
                       * x where both have a value (a gap splits it) */
} HtmlSeries;

typedef struct HtmlChart {
    const char *title;  /* for screen readers (aria-label); escaped here */
    double ymin, ymax;  /* the value axis */
    size_t xmax;        /* the last x (at least 1) */
    const char *xlabel; /* under the x axis, e.g. "decision"; escaped here; NULL: none */
} HtmlChart;

/* Append a line chart as an inline SVG that scales to its container's width. */
void html_line_chart(Buf *b, const HtmlChart *c, const HtmlSeries *s, size_t n);

/* The CSS the markup above expects (classes bars, bar-*, chart, line, median, base): the text
 * of assets/css/charts.css, static. */
const char *html_chart_css(void);

#endif
