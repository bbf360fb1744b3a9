/* html.c: escaping, the story's light markup, and charts as inline SVG for self-contained
 * pages. */
#include "out/html.h"

#include "assets_css.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/utf8.h"

/* Escape the n bytes at s. */
static void escape_n(Buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        const unsigned char *run = p;
        while (p < end && *p >= 0x20 && *p < 0x7F && *p != '&' && *p != '<' && *p != '>' &&
               *p != '"' && *p != '\'')
            p++;
        buf_add(b, (const char *)run, (size_t)(p - run));
        if (p >= end)
            break;
        unsigned c = *p;
        switch (c) {
        case '&': buf_puts(b, "&amp;"); p++; continue;
        case '<': buf_puts(b, "&lt;"); p++; continue;
        case '>': buf_puts(b, "&gt;"); p++; continue;
        case '"': buf_puts(b, "&quot;"); p++; continue;
        case '\'': buf_puts(b, "&#39;"); p++; continue;
        case '\t':
        case '\n': buf_putc(b, (char)c); p++; continue;
        default: break;
        }
        if (c < 0x20 || c == 0x7F) {
            p++;
            continue;
        }
        /* a multi-byte sequence; each maximal ill-formed part becomes one U+FFFD (utf8.h) */
        uint32_t cp;
        size_t k = utf8_decode((const char *)p, (size_t)(end - p), &cp);
        if (cp == UTF8_INVALID)
            buf_puts(b, "\xEF\xBF\xBD");
        else
            buf_add(b, (const char *)p, k);
        p += k;
    }
}

void html_escape(Buf *b, const char *s)
{
    if (s)
        escape_n(b, s, strlen(s));
}

/* html_markup's state: the tags open, innermost last. */
typedef struct Markup {
    Buf *b;
    const char *open[2];
    int n_open;
    unsigned style;
    bool after_paragraph; /* nothing written since the last paragraph break */
} Markup;

/* Close tag (open at depth at) and reopen the ones inside it, so that tags nest. */
static void markup_close(Markup *m, int at)
{
    for (int i = m->n_open - 1; i >= at; i--)
        buf_printf(m->b, "</%s>", m->open[i]);
    for (int i = at + 1; i < m->n_open; i++) {
        buf_printf(m->b, "<%s>", m->open[i]);
        m->open[i - 1] = m->open[i];
    }
    m->n_open--;
}

static void markup_toggle(Markup *m, const char *tag)
{
    for (int i = 0; i < m->n_open; i++)
        if (m->open[i] == tag) {
            markup_close(m, i);
            return;
        }
    buf_printf(m->b, "<%s>", tag);
    m->open[m->n_open++] = tag;
}

static void markup_run(void *ud, const char *text, size_t len, unsigned style)
{
    Markup *m = ud;
    if (style & TEXT_PARAGRAPH) {
        buf_puts(m->b, "<br><br>");
        m->after_paragraph = true;
        return;
    }
    if (style & TEXT_BREAK) {
        if (!m->after_paragraph) /* more blank lines make no more space */
            buf_puts(m->b, "<br>");
        return;
    }
    m->after_paragraph = false;
    if ((style ^ m->style) & TEXT_STRONG)
        markup_toggle(m, "strong");
    if ((style ^ m->style) & TEXT_EM)
        markup_toggle(m, "em");
    m->style = style;
    escape_n(m->b, text, len);
}

void html_markup(Buf *b, const char *s)
{
    if (!s)
        return;
    Markup m = {.b = b};
    text_markup(s, markup_run, &m);
    while (m.n_open > 0)
        buf_printf(b, "</%s>", m.open[--m.n_open]);
}

void html_excerpt(Buf *b, const char *s, size_t max)
{
    if (!s)
        return;
    char *unmarked = text_plain(s); /* the markup characters go */
    Buf plain = {0};
    bool space = false;
    size_t chars = 0, cut = 0; /* cut: the length in bytes at the last word boundary */
    bool cut_made = false;
    for (const char *p = unmarked; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t') {
            space = plain.len > 0;
            continue;
        }
        if (space) {
            if (chars + 1 > max) {
                cut_made = true;
                break;
            }
            cut = plain.len;
            buf_putc(&plain, ' ');
            chars++;
            space = false;
        }
        if (((unsigned char)*p & 0xC0) != 0x80) {
            if (chars + 1 > max) {
                cut_made = true;
                break;
            }
            chars++;
        }
        buf_putc(&plain, *p);
    }
    if (cut_made) {
        size_t keep = cut ? cut : plain.len;
        while (keep > 0 && strchr(",;:-", plain.s[keep - 1]))
            keep--;
        escape_n(b, buf_str(&plain), keep);
        buf_puts(b, "\xE2\x80\xA6");
    } else {
        escape_n(b, buf_str(&plain), plain.len);
    }
    buf_free(&plain);
    free(unmarked);
}

static void percent(Buf *b, double share)
{
    double p = share * 100;
    if (p > 0 && p < 1)
        buf_puts(b, "&lt;1%");
    else
        buf_printf(b, "%.0f%%", p);
}

static double clamp01(double v)
{
    return v < 0 || v != v ? 0 : v > 1 ? 1 : v;
}

void html_bar_chart(Buf *b, const HtmlBar *bars, size_t n, const char *main_name,
                    const char *base_name)
{
    bool with_base = false;
    for (size_t i = 0; i < n; i++)
        with_base = with_base || bars[i].base >= 0;
    buf_printf(b, "<div class=\"bars%s\">\n", with_base ? " with-base" : "");
    if (with_base && base_name) {
        buf_puts(b, "<div class=\"bars-legend\"><svg class=\"key\" viewBox=\"0 0 12 12\" "
                    "aria-hidden=\"true\"><rect class=\"bar-main\" width=\"12\" height=\"12\"/>"
                    "</svg> ");
        html_escape(b, main_name ? main_name : "");
        buf_puts(b, " <svg class=\"key\" viewBox=\"0 0 12 12\" aria-hidden=\"true\"><rect "
                    "class=\"bar-base\" width=\"12\" height=\"12\"/></svg> ");
        html_escape(b, base_name);
        buf_puts(b, "</div>\n");
    }
    for (size_t i = 0; i < n; i++) {
        const HtmlBar *r = &bars[i];
        bool base = with_base && r->base >= 0;
        buf_puts(b, "<div class=\"bar-row");
        if (r->cls) {
            buf_putc(b, ' ');
            html_escape(b, r->cls);
        }
        buf_putc(b, '"');
        if (r->id) {
            buf_puts(b, " data-id=\"");
            html_escape(b, r->id);
            buf_putc(b, '"');
        }
        buf_puts(b, "><div class=\"bar-label\">");
        buf_puts(b, r->label ? r->label : "");
        buf_printf(b, "</div><div class=\"bar-track\"><svg viewBox=\"0 0 200 %d\" "
                      "preserveAspectRatio=\"none\" aria-hidden=\"true\">",
                   with_base ? 20 : 12);
        buf_printf(b, "<rect class=\"bar-bg\" width=\"200\" height=\"12\"/>"
                      "<rect class=\"bar-main\" width=\"%.1f\" height=\"12\"/>",
                   200 * clamp01(r->share));
        if (base)
            buf_printf(b, "<rect class=\"bar-bg\" y=\"14\" width=\"200\" height=\"6\"/>"
                          "<rect class=\"bar-base\" y=\"14\" width=\"%.1f\" height=\"6\"/>",
                       200 * clamp01(r->base));
        buf_puts(b, "</svg></div><div class=\"bar-value\">");
        if (r->value)
            buf_puts(b, r->value);
        else
            percent(b, r->share);
        if (base) {
            buf_puts(b, "<span class=\"bar-base-value\">");
            if (r->base_value)
                buf_puts(b, r->base_value);
            else
                percent(b, r->base);
            buf_puts(b, "</span>");
        }
        buf_puts(b, "</div></div>\n");
    }
    buf_puts(b, "</div>\n");
}

/* A step of 1, 2 or 5 times a power of ten giving about `want` intervals over range. */
static double nice_step(double range, int want)
{
    if (!(range > 0))
        return 1;
    double raw = range / want, mag = pow(10, floor(log10(raw))), f = raw / mag;
    double m = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    return m * mag;
}

static void num(Buf *b, double v)
{
    if (fabs(v - round(v)) < 1e-9)
        buf_printf(b, "%.0f", v);
    else
        buf_printf(b, "%.1f", v);
}

#define CW 360.0 /* the chart's coordinate system */
#define CH 200.0
#define ML 34.0
#define MR 10.0
#define MT 10.0
#define MB 30.0

void html_line_chart(Buf *b, const HtmlChart *c, const HtmlSeries *s, size_t n)
{
    double ymin = c->ymin, ymax = c->ymax;
    if (!(ymax > ymin))
        ymax = ymin + 1;
    size_t xmax = c->xmax ? c->xmax : 1;
    double pw = CW - ML - MR, ph = CH - MT - MB;
#define X(i) (ML + pw * (double)(i) / (double)xmax)
#define Y(v) (MT + ph * (1 - ((v) - ymin) / (ymax - ymin)))
    buf_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", CW,
               CH);
    html_escape(b, c->title ? c->title : "chart");
    buf_puts(b, "\">");
    /* value grid and labels */
    double step = nice_step(ymax - ymin, 4);
    for (double v = ceil(ymin / step) * step; v <= ymax + step * 1e-6; v += step) {
        buf_printf(b, "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>", ML,
                   CW - MR, Y(v), Y(v));
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", ML - 5, Y(v) + 4);
        num(b, v);
        buf_puts(b, "</text>");
    }
    /* decision axis */
    double xs = nice_step((double)xmax, 8);
    if (xs < 1)
        xs = 1;
    buf_printf(b, "<line class=\"axis\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>", ML,
               CW - MR, MT + ph, MT + ph);
    for (double x = 0; x <= (double)xmax + 1e-9; x += xs) {
        buf_printf(b, "<line class=\"axis\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
                   X(x), X(x), MT + ph, MT + ph + 4);
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>", X(x),
                   MT + ph + 15, x);
    }
    if (c->xlabel) {
        buf_printf(b, "<text class=\"xlabel\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                   CW - MR, CH - 2);
        html_escape(b, c->xlabel);
        buf_puts(b, "</text>");
    }
    /* the lines, in the order given (the last on top) */
    for (size_t k = 0; k < n; k++) {
        const HtmlSeries *r = &s[k];
        Buf d = {0};
        if (r->lo) { /* a band: along the top edge, back along the bottom, per run of values */
            size_t i = 0, end = r->n <= xmax ? r->n : xmax + 1;
            while (i < end) {
                while (i < end && (isnan(r->y[i]) || isnan(r->lo[i])))
                    i++;
                size_t j = i;
                while (j < end && !isnan(r->y[j]) && !isnan(r->lo[j]))
                    j++;
                for (size_t x = i; x < j; x++)
                    buf_printf(&d, "%c%.1f %.1f", x == i ? 'M' : 'L', X(x),
                               Y(r->y[x] < ymin ? ymin : r->y[x] > ymax ? ymax : r->y[x]));
                for (size_t x = j; x-- > i;)
                    buf_printf(&d, "L%.1f %.1f", X(x),
                               Y(r->lo[x] < ymin ? ymin : r->lo[x] > ymax ? ymax : r->lo[x]));
                if (j > i)
                    buf_putc(&d, 'Z');
                i = j;
            }
            buf_puts(b, "<path class=\"");
            html_escape(b, r->cls ? r->cls : "band");
            buf_printf(b, "\" d=\"%s\"/>", buf_str(&d));
            buf_free(&d);
            continue;
        }
        bool pen = false;
        size_t drawn = 0;
        for (size_t i = 0; i < r->n && i <= xmax; i++) {
            double v = r->y[i];
            if (isnan(v)) {
                pen = false;
                continue;
            }
            if (v < ymin)
                v = ymin;
            if (v > ymax)
                v = ymax;
            buf_printf(&d, "%c%.1f %.1f", pen ? 'L' : 'M', X(i), Y(v));
            pen = true;
            drawn++;
        }
        if (r->halo && drawn > 1)
            buf_printf(b, "<path class=\"halo\" d=\"%s\"/>", buf_str(&d));
        buf_puts(b, "<path class=\"");
        html_escape(b, r->cls ? r->cls : "line");
        buf_putc(b, '"');
        if (r->opacity > 0)
            buf_printf(b, " stroke-opacity=\"%.2f\"", r->opacity);
        buf_printf(b, " d=\"%s\"/>", buf_str(&d));
        buf_free(&d);
        if (drawn == 1) /* a lone point: a dot, so it shows */
            for (size_t i = 0; i < r->n && i <= xmax; i++)
                if (!isnan(r->y[i])) {
                    double v = r->y[i] < ymin ? ymin : r->y[i] > ymax ? ymax : r->y[i];
                    buf_printf(b, "<circle class=\"dot ");
                    html_escape(b, r->cls ? r->cls : "line");
                    buf_printf(b, "\" cx=\"%.1f\" cy=\"%.1f\" r=\"2\"/>", X(i), Y(v));
                }
    }
    buf_puts(b, "</svg>\n");
#undef X
#undef Y
}

const char *html_chart_css(void)
{
    return assets_css_charts;
}
