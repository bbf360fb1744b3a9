/* draw.c: fonts, themes, and cached rich-text layout for the window. */
#include "ui/sdl/draw.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "ui/sdl/bidi.h"

/* bg, panel, text, dim, accent, button, button_hover, button_border, button_text, good, bad,
 * neutral, bar_bg, shade. Every colour drawn as text (dim, accent, good, bad, neutral) is at
 * least 4.5:1 against bg, panel and button (WCAG 2.1 AA, 1.4.3); good and bad are a blue and a
 * vermilion, which stay apart under deuteranopia and protanopia (Okabe and Ito's palette)
 * instead of green and red. tests/render/test_look_render.c computes both. */
const Theme THEMES[3] = {
    {"light", {247, 243, 235, 255}, {236, 230, 218, 255}, {38, 34, 30, 255}, {100, 92, 84, 255},
     {150, 68, 40, 255}, {255, 252, 246, 255}, {250, 236, 222, 255}, {196, 182, 164, 255},
     {38, 34, 30, 255}, {0, 94, 168, 255}, {170, 60, 0, 255}, {96, 90, 84, 255},
     {222, 214, 200, 255}, {30, 25, 20, 150}},
    {"dark", {28, 30, 34, 255}, {38, 41, 47, 255}, {226, 222, 214, 255}, {172, 168, 162, 255},
     {232, 150, 100, 255}, {46, 50, 57, 255}, {64, 60, 58, 255}, {86, 90, 98, 255},
     {232, 228, 220, 255}, {120, 180, 245, 255}, {245, 150, 80, 255}, {176, 172, 166, 255},
     {58, 62, 70, 255}, {0, 0, 0, 170}},
    {"contrast", {0, 0, 0, 255}, {0, 0, 0, 255}, {255, 255, 255, 255}, {230, 230, 230, 255},
     {255, 220, 0, 255}, {0, 0, 0, 255}, {40, 40, 0, 255}, {255, 255, 255, 255},
     {255, 255, 255, 255}, {100, 200, 255, 255}, {255, 160, 40, 255}, {230, 230, 230, 255},
     {70, 70, 70, 255}, {0, 0, 0, 210}},
};

/* A segment's style when its characters come from fallback font k: STYLE_FALLBACK + k. */
#define STYLE_FALLBACK STYLE_COUNT

int draw_role_px(const Draw *d, TextRole role)
{
    static const float factor[ROLE_COUNT] = {1.0f, 0.8f, 1.3f, 2.4f, 3.0f};
    return (int)((float)d->body_px * factor[role] * d->scale + 0.5f);
}

int draw_px(const Draw *d, int n)
{
    return (int)((float)n * d->scale + 0.5f);
}

static void clear_cache(Draw *d)
{
    for (int i = 0; i < TEXT_CACHE; i++) {
        if (d->cache[i].tex)
            SDL_DestroyTexture(d->cache[i].tex);
        memset(&d->cache[i], 0, sizeof d->cache[i]);
    }
}

static void close_fonts(Draw *d)
{
    for (int r = 0; r < ROLE_COUNT; r++) {
        for (int s = 0; s < STYLE_COUNT; s++) {
            if (d->font[r][s])
                TTF_CloseFont(d->font[r][s]);
            d->font[r][s] = NULL;
        }
    }
}

/* The font of a segment in role and style (STYLE_FALLBACK + k: fallback font k). */
static TTF_Font *font_of(const Draw *d, TextRole role, int style)
{
    TTF_Font *f = style >= STYLE_FALLBACK ? d->fallback[style - STYLE_FALLBACK][role]
                                          : d->font[role][style];
    return f ? f : d->font[role][STYLE_REGULAR]; /* a fallback that did not open at a size */
}

/* What a segment's renders are scaled by (fallback.c: a font of fixed bitmap sizes). */
static float scale_of(const Draw *d, TextRole role, int style)
{
    return style >= STYLE_FALLBACK && d->fallback[style - STYLE_FALLBACK][role]
               ? d->fallback_scale[style - STYLE_FALLBACK][role]
               : 1.0f;
}

static int open_fonts(Draw *d, Err *err)
{
    for (int r = 0; r < ROLE_COUNT; r++)
        for (int s = 0; s < STYLE_COUNT; s++) {
            d->font[r][s] = TTF_OpenFont(d->font_path[s], draw_role_px(d, (TextRole)r));
            if (!d->font[r][s]) {
                err_set(err, "cannot open the font %s: %s", d->font_path[s], TTF_GetError());
                close_fonts(d);
                return -1;
            }
            TTF_SetFontHinting(d->font[r][s], TTF_HINTING_LIGHT);
        }
    draw_fallback_open(d); /* those found so far, at the new sizes */
    return 0;
}

int draw_open(Draw *d, SDL_Renderer *r, int body_px, float scale, const Theme *theme, Err *err)
{
    memset(d, 0, sizeof *d);
    d->r = r;
    d->body_px = body_px;
    d->scale = scale;
    d->theme = theme;
    if (draw_find_fonts(d->font_path, err) != 0)
        return -1;
    if (open_fonts(d, err) != 0) {
        for (int s = 0; s < STYLE_COUNT; s++)
            free(d->font_path[s]);
        return -1;
    }
    return 0;
}

int draw_resize(Draw *d, int body_px, float scale, Err *err)
{
    if (body_px == d->body_px && scale == d->scale)
        return 0;
    close_fonts(d);
    draw_fallback_close(d, true);
    clear_cache(d);
    d->body_px = body_px;
    d->scale = scale;
    return open_fonts(d, err);
}

void draw_set_theme(Draw *d, const Theme *theme)
{
    d->theme = theme; /* colours are part of each cache key; nothing to flush */
}

void draw_close(Draw *d)
{
    free(d->drawn);
    free(d->split);
    clear_cache(d);
    close_fonts(d);
    draw_fallback_close(d, false);
    for (int s = 0; s < STYLE_COUNT; s++)
        free(d->font_path[s]);
}

int draw_line_height(Draw *d, TextRole role)
{
    return TTF_FontLineSkip(d->font[role][STYLE_REGULAR]);
}

/* ---- rich text layout ---- */

/* Text is laid out from the runs of text_markup (core/text.h, the one markup parser): each run
 * is a stretch of the text in one style, and a break between runs stands for the markup that
 * ended one run and began the next. */

typedef struct Seg {
    const char *s;
    int len;
    int style; /* a FontStyle, or STYLE_FALLBACK + k */
    int x, w;  /* position within the line */
    int run;   /* the markup run it comes from: one run renders as one piece */
    bool word; /* the first segment of a word (a space before it) */
    bool rtl;  /* a right-to-left run of a line in visual order (bidi.h): shaped so */
} Seg;

typedef struct Line {
    int first, count; /* segments */
    int w;
    bool hard; /* the first line of a paragraph for UAX #9: the text's first, or after a break */
    bool rtl;  /* its paragraph runs right to left: the line sits at the block's right */
} Line;

typedef struct Layout {
    Seg *segs;
    size_t n_segs, cap_segs;
    Line *lines;
    size_t n_lines, cap_lines;
    int height;
    int *gap_before; /* extra space before line i (paragraph breaks) */
    bool split;      /* a word was cut inside: it is wider than a line */
    int right;       /* where a right-to-left paragraph's lines end: the wrap width */
} Layout;

static int measure(TTF_Font *f, const char *s, int len)
{
    char buf[1024];
    if (len <= 0)
        return 0;
    if (len >= (int)sizeof buf)
        len = (int)sizeof buf - 1;
    memcpy(buf, s, (size_t)len);
    buf[len] = '\0';
    int w = 0, h = 0;
    TTF_SizeUTF8(f, buf, &w, &h);
    return w;
}

static void add_seg(Layout *L, Seg sg)
{
    util_grow(&L->segs, &L->cap_segs, L->n_segs + 1, sizeof *L->segs);
    L->segs[L->n_segs++] = sg;
}

static void new_line(Layout *L, int gap)
{
    util_grow(&L->lines, &L->cap_lines, L->n_lines + 1, sizeof *L->lines);
    L->gap_before = xrealloc(L->gap_before, L->cap_lines * sizeof *L->gap_before);
    L->lines[L->n_lines] = (Line){(int)L->n_segs, 0, 0, false, false};
    L->gap_before[L->n_lines] = gap;
    L->n_lines++;
}

static int utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

/* The code point of the n-byte UTF-8 sequence at p. */
static Uint32 utf8_decode(const unsigned char *p, size_t n)
{
    if (n == 2)
        return ((Uint32)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    if (n == 3)
        return ((Uint32)(p[0] & 0x0F) << 12) | ((Uint32)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (n == 4)
        return ((Uint32)(p[0] & 0x07) << 18) | ((Uint32)(p[1] & 0x3F) << 12) |
               ((Uint32)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return p[0];
}

/* The right-to-left script of the UTF-8 text's first letter, as an ISO 15924 code for
 * HarfBuzz ("Hebr", "Arab": Arabic letters join only when shaped as Arabic), or NULL when the
 * first letter is of another script. */
static const char *right_to_left(const char *s, int len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (int k = 0; k < len;) {
        size_t n = (size_t)utf8_len(p[k]);
        Uint32 cp = utf8_decode(p + k, n);
        if ((cp >= 0x0590 && cp <= 0x05FF) || (cp >= 0xFB1D && cp <= 0xFB4F))
            return "Hebr";
        if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
            (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
            (cp >= 0xFE70 && cp <= 0xFEFF))
            return "Arab";
        if (cp > 0x40 && cp != 0x2019) /* a letter of another script decides: left to right */
            return NULL;
        k += (int)n;
    }
    return NULL;
}

/* Set font up to shape text as its right-to-left script (script non-NULL), or back to SDL_ttf's
 * defaults (NULL). */
static void shape_as(TTF_Font *font, const char *script)
{
    TTF_SetFontDirection(font, script ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(font, script ? script : "Zzzz");
}

/* The width of len bytes of s in a segment of style: shaped as it will be drawn (a run of the
 * fallback font in a right-to-left script is shaped as that script: Arabic letters join). */
static int measure_seg(const Draw *d, TextRole role, int style, const char *s, int len)
{
    TTF_Font *font = font_of(d, role, style);
    const char *rtl = style >= STYLE_FALLBACK ? right_to_left(s, len) : NULL;
    if (rtl)
        shape_as(font, rtl);
    int w = measure(font, s, len);
    if (rtl)
        shape_as(font, NULL);
    return (int)((float)w * scale_of(d, role, style) + 0.5f);
}

/* What the layout walks: the runs of text_markup as pieces of text in one style, a MARK where
 * one run of text follows another (the markup between them belongs to the word it touches),
 * and a NEWLINE for each line break, or paragraph break (gap) where two or more come
 * together. */
typedef enum PartKind { PART_TEXT, PART_MARK, PART_NEWLINE } PartKind;
typedef struct Part {
    PartKind kind;
    const char *s; /* PART_TEXT: a stretch of the text (text_markup's run) */
    int len;
    int style; /* as Seg's */
    bool gap; /* PART_NEWLINE: a paragraph break */
} Part;

typedef struct Parts {
    Part *v;
    size_t n, cap;
    int newlines; /* breaks seen since the last text, not yet added */
    const Draw *d; /* for the glyphs the fonts have */
} Parts;

static void add_part(Parts *P, Part pc)
{
    util_grow(&P->v, &P->cap, P->n + 1, sizeof *P->v);
    P->v[P->n++] = pc;
}

static void flush_newlines(Parts *P)
{
    if (P->newlines)
        add_part(P, (Part){.kind = PART_NEWLINE, .gap = P->newlines > 1});
    P->newlines = 0;
}

static void markup_run(void *ud, const char *text, size_t len, unsigned style)
{
    Parts *P = ud;
    if (style & (TEXT_BREAK | TEXT_PARAGRAPH)) {
        P->newlines += style & TEXT_PARAGRAPH ? 2 : 1;
        return;
    }
    if (P->newlines)
        flush_newlines(P);
    else if (P->n && P->v[P->n - 1].kind == PART_TEXT)
        add_part(P, (Part){.kind = PART_MARK});
    FontStyle st = (style & TEXT_STRONG) ? STYLE_BOLD
                   : (style & TEXT_EM)   ? STYLE_ITALIC
                                         : STYLE_REGULAR;
    /* stretches of characters the style's font lacks but a fallback font has go to that font
     * (looked up by layout's draw_fallback_resolve); a space, a mark or a character no font
     * has belongs to the stretch it is in, so a line of Hebrew stays one stretch */
    size_t start = 0, k = 0;
    int cur = (int)st;
    while (k < len) {
        size_t n = (size_t)utf8_len((unsigned char)text[k]);
        if (k + n > len)
            n = len - k;
        int here = cur;
        if (text[k] != ' ') {
            Uint32 cp = utf8_decode((const unsigned char *)text + k, n);
            if (cp < 0x80 || TTF_GlyphIsProvided32(P->d->font[ROLE_BODY][st], cp)) {
                here = (int)st;
            } else {
                int f = draw_fallback_of(P->d, cp);
                if (f >= 0)
                    here = STYLE_FALLBACK + f;
            }
        }
        if (here != cur && k > start) {
            add_part(P, (Part){PART_TEXT, text + start, (int)(k - start), cur, false});
            start = k;
        }
        cur = here;
        k += n;
    }
    add_part(P, (Part){PART_TEXT, text + start, (int)(len - start), cur, false});
}

/* A place in the pieces: piece i, byte k of it. */
typedef struct Pos {
    size_t i;
    int k;
} Pos;

/* Move to the next byte of text or mark, past the end of a piece of text. */
static void settle(const Parts *P, Pos *p)
{
    while (p->i < P->n && P->v[p->i].kind == PART_TEXT && p->k >= P->v[p->i].len) {
        p->i++;
        p->k = 0;
    }
}

/* The end of the stretch of non-spaces from p within its piece of text. */
static int stretch_end(const Part *pc, int k)
{
    while (k < pc->len && pc->s[k] != ' ')
        k++;
    return k;
}

/* Walk the word at p (marks and runs of non-spaces, up to a space, a newline or the end),
 * adding its segments to L when emit is true; returns its width and leaves p after it. */
static int walk_word(Draw *d, TextRole role, const Parts *P, Pos *p, int width, int *x,
                     Layout *L, bool emit)
{
    int ww = 0;
    bool first = true;
    for (settle(P, p); p->i < P->n; settle(P, p)) {
        const Part *pc = &P->v[p->i];
        if (pc->kind == PART_NEWLINE || (pc->kind == PART_TEXT && pc->s[p->k] == ' '))
            break;
        if (pc->kind == PART_MARK) {
            p->i++;
            continue;
        }
        const char *q = pc->s + p->k, *r = pc->s + stretch_end(pc, p->k);
        int st = pc->style;
        int sw = measure_seg(d, role, st, q, (int)(r - q));
        p->k = (int)(r - pc->s);
        ww += sw;
        if (!emit)
            continue;
        while (*x + sw > width && *x == 0 && r - q > 1) {
            /* a word longer than the line: cut it at the last code point that fits */
            const char *cut = q;
            while (cut < r) {
                const char *nx = cut + utf8_len((unsigned char)*cut);
                if (nx > r || measure_seg(d, role, st, q, (int)(nx - q)) > width)
                    break;
                cut = nx;
            }
            if (cut == q)
                cut = q + utf8_len((unsigned char)*q);
            L->split = true;
            int cw = measure_seg(d, role, st, q, (int)(cut - q));
            add_seg(L, (Seg){q, (int)(cut - q), st, *x, cw, (int)p->i, first, false});
            first = false;
            L->lines[L->n_lines - 1].count++;
            L->lines[L->n_lines - 1].w = *x + cw;
            new_line(L, 0);
            q = cut;
            sw = measure_seg(d, role, st, q, (int)(r - q));
        }
        if (r > q) {
            add_seg(L, (Seg){q, (int)(r - q), st, *x, sw, (int)p->i, first, false});
            first = false;
            L->lines[L->n_lines - 1].count++;
            *x += sw;
            L->lines[L->n_lines - 1].w = *x;
        }
    }
    return ww;
}

/* The width of a run of a line in visual order: shaped right to left when rtl, as its
 * right-to-left script when it has letters of one (Arabic letters join). */
static int measure_run(const Draw *d, TextRole role, int style, const char *s, int len, bool rtl)
{
    TTF_Font *font = font_of(d, role, style);
    const char *script = rtl ? right_to_left(s, len) : NULL;
    if (rtl)
        shape_as(font, script ? script : "Zyyy");
    int w = measure(font, s, len);
    if (rtl)
        shape_as(font, NULL);
    return (int)((float)w * scale_of(d, role, style) + 0.5f);
}

/* A bidi paragraph's code points in logical order, from its lines' segments: each with the
 * byte it starts at, its segment's run (a space between two runs: -1, a gap) and style. */
typedef struct BidiText {
    uint32_t *cp;
    int *group, *style;
    const char **at;
    size_t n;
} BidiText;

static void bidi_text_add(BidiText *t, uint32_t cp, int group, int style, const char *at)
{
    t->cp[t->n] = cp;
    t->group[t->n] = group;
    t->style[t->n] = style;
    t->at[t->n] = at;
    t->n++;
}

/* Lines a..b-1 (one paragraph) laid out again in visual order into segs, when it holds
 * right-to-left text (UAX #9, bidi.h); else their segments copied as they are. Line breaks
 * stay where layout put them on the logical text: each line is reordered alone. */
static void visual_paragraph(Draw *d, TextRole role, const Layout *L, size_t a, size_t b,
                             int space, Layout *out)
{
    size_t bytes = 0;
    for (size_t i = a; i < b; i++)
        for (int j = 0; j < L->lines[i].count; j++)
            bytes += (size_t)L->segs[L->lines[i].first + j].len + 1;
    BidiText t = {xcalloc(bytes + 1, sizeof *t.cp), xcalloc(bytes + 1, sizeof *t.group),
                  xcalloc(bytes + 1, sizeof *t.style), xcalloc(bytes + 1, sizeof *t.at), 0};
    size_t *off = xcalloc(b - a, sizeof *off), *len = xcalloc(b - a, sizeof *len);
    for (size_t i = a; i < b; i++) {
        const Line *ln = &L->lines[i];
        off[i - a] = t.n;
        for (int j = 0; j < ln->count; j++) {
            const Seg *sg = &L->segs[ln->first + j], *prev = j ? sg - 1 : NULL;
            if (prev && sg->word) /* the space between two words: inside a run, or a gap */
                bidi_text_add(&t, ' ', prev->run == sg->run ? sg->run : -1, sg->style,
                              prev->s + prev->len);
            for (int k = 0; k < sg->len;) {
                int n = utf8_len((unsigned char)sg->s[k]);
                if (n > sg->len - k)
                    n = sg->len - k;
                bidi_text_add(&t, utf8_decode((const unsigned char *)sg->s + k, (size_t)n),
                              sg->run, sg->style, sg->s + k);
                k += n;
            }
        }
        len[i - a] = t.n - off[i - a];
        if (i + 1 < b) /* where the line was wrapped: a space, on no line */
            bidi_text_add(&t, ' ', -1, STYLE_REGULAR, NULL);
    }
    BidiPara bp;
    bool reorder = false;
    for (size_t i = 0; i < t.n && !reorder; i++)
        reorder = bidi_right_to_left_char(t.cp[i]);
    reorder = reorder && bidi_analyse(&bp, t.cp, t.n);
    BidiRun *runs = reorder ? xcalloc(t.n + 1, sizeof *runs) : NULL;
    for (size_t i = a; i < b; i++) {
        const Line *ln = &L->lines[i];
        new_line(out, L->gap_before[i]);
        Line *nl = &out->lines[out->n_lines - 1];
        nl->hard = ln->hard;
        if (!reorder) {
            for (int j = 0; j < ln->count; j++)
                add_seg(out, L->segs[ln->first + j]);
            nl->count = ln->count;
            nl->w = ln->w;
            continue;
        }
        nl->rtl = bp.rtl;
        size_t nr = bidi_line_runs(&bp, t.group, off[i - a], len[i - a], runs);
        int x = 0;
        bool after_gap = false;
        for (size_t r = 0; r < nr; r++) {
            if (runs[r].gap) {
                x += space;
                after_gap = true;
                continue;
            }
            const char *from = t.at[runs[r].from], *last = t.at[runs[r].to];
            int n = (int)(last - from) + utf8_len((unsigned char)*last);
            int st = t.style[runs[r].from];
            int w = measure_run(d, role, st, from, n, runs[r].rtl);
            /* each run renders alone: a run number no markup run has */
            add_seg(out, (Seg){from, n, st, x, w, -(int)out->n_segs - 1, after_gap, runs[r].rtl});
            nl->count++;
            x += w;
            after_gap = false;
        }
        nl->w = x;
    }
    if (reorder)
        bidi_free(&bp);
    free(runs);
    free(off);
    free(len);
    free(t.cp);
    free(t.group);
    free(t.style);
    free(t.at);
}

/* Every paragraph of L in visual order (visual_paragraph): L's lines and segments replaced. */
static void visual_order(Draw *d, TextRole role, Layout *L, int space)
{
    Layout out = {0};
    for (size_t a = 0; a < L->n_lines;) {
        size_t b = a + 1;
        while (b < L->n_lines && !L->lines[b].hard)
            b++;
        visual_paragraph(d, role, L, a, b, space, &out);
        a = b;
    }
    free(L->segs);
    free(L->lines);
    free(L->gap_before);
    L->segs = out.segs;
    L->n_segs = out.n_segs;
    L->cap_segs = out.cap_segs;
    L->lines = out.lines;
    L->n_lines = out.n_lines;
    L->cap_lines = out.cap_lines;
    L->gap_before = out.gap_before;
}

/* Word wrap: a word is a run of non-spaces (it may change style inside, as in "*this*,"). */
static void layout(Draw *d, TextRole role, const char *text, int width, Layout *L)
{
    TTF_Font **f = d->font[role];
    int space = 0, dummy;
    if (TTF_GlyphMetrics32(f[STYLE_REGULAR], ' ', &dummy, &dummy, &dummy, &dummy, &space) != 0)
        space = measure(f[STYLE_REGULAR], "a a", 3) - 2 * measure(f[STYLE_REGULAR], "a", 1);
    int para_gap = draw_line_height(d, role) * 6 / 10;
    draw_fallback_resolve(d, text, strlen(text)); /* fontconfig only for what is new */
    Parts P = {0};
    P.d = d;
    text_markup(text, markup_run, &P);
    flush_newlines(&P);
    new_line(L, 0);
    L->lines[0].hard = true;
    int x = 0;
    Pos p = {0, 0};
    for (settle(&P, &p); p.i < P.n; settle(&P, &p)) {
        const Part *pc = &P.v[p.i];
        if (pc->kind == PART_NEWLINE) {
            new_line(L, pc->gap ? para_gap : 0);
            L->lines[L->n_lines - 1].hard = true;
            x = 0;
            p.i++;
            continue;
        }
        if (pc->kind == PART_TEXT && pc->s[p.k] == ' ') {
            p.k++;
            continue;
        }
        Pos w = p;
        int ww = walk_word(d, role, &P, &p, width, &x, L, false);
        Line *line = &L->lines[L->n_lines - 1];
        if (line->count > 0 && x + space + ww > width) {
            new_line(L, 0);
            x = 0;
        } else if (line->count > 0) {
            x += space;
        }
        /* emit the word's segments, breaking inside it only if it is wider than a line */
        walk_word(d, role, &P, &w, width, &x, L, true);
    }
    free(P.v);
    if (bidi_has_right_to_left(text)) {
        visual_order(d, role, L, space);
        /* a right-to-left paragraph's lines end at the wrap width (a one-line label, whose
         * width is unbounded, at its widest line) */
        for (size_t i = 0; i < L->n_lines; i++)
            if (L->lines[i].w > L->right)
                L->right = L->lines[i].w;
        if (width < INT_MAX / 4 && width > L->right)
            L->right = width;
    }
    int lh = draw_line_height(d, role);
    L->height = 0;
    for (size_t i = 0; i < L->n_lines; i++)
        L->height += L->gap_before[i] + lh;
}

static void free_layout(Layout *L)
{
    free(L->segs);
    free(L->lines);
    free(L->gap_before);
}

static unsigned long long block_key(TextRole role, const char *text, int w, SDL_Color c)
{
    unsigned long long h = fnv1a64(FNV1A64_INIT, text, strlen(text));
    int extra[6] = {(int)role, w, c.r, c.g, c.b, c.a};
    return fnv1a64(h, extra, sizeof extra);
}

/* Render a laid-out block into a texture; *w receives its true width (runs of text rendered
 * together can come out a pixel or two wider than the sum of their measured words). */
static SDL_Texture *render_block(Draw *d, TextRole role, const Layout *L, SDL_Color c, int *w)
{
    if (L->n_segs == 0)
        return NULL;
    typedef struct Piece {
        SDL_Surface *s;
        int x, y;
    } Piece;
    Piece *pieces = xcalloc(L->n_segs, sizeof *pieces);
    size_t n = 0;
    int lh = draw_line_height(d, role), y = 0, width = 1;
    int space = 0, dummy;
    TTF_GlyphMetrics32(d->font[role][STYLE_REGULAR], ' ', &dummy, &dummy, &dummy, &dummy, &space);
    char buf[1024];
    for (size_t i = 0; i < L->n_lines; i++) {
        y += L->gap_before[i];
        const Line *ln = &L->lines[i];
        int shift = ln->rtl ? L->right - ln->w : 0; /* a right-to-left line at the right */
        int run_end = -1; /* where the previous run really ended */
        for (int k = 0; k < ln->count;) {
            /* one render for a run of words in one style: the font spaces them itself */
            const Seg *sg = &L->segs[ln->first + k];
            int j = k + 1;
            while (j < ln->count && L->segs[ln->first + j].run == sg->run)
                j++;
            const Seg *last = &L->segs[ln->first + j - 1];
            int len = (int)(last->s + last->len - sg->s);
            if (len > (int)sizeof buf - 1)
                len = (int)sizeof buf - 1;
            memcpy(buf, sg->s, (size_t)len);
            buf[len] = '\0';
            /* a right-to-left run (a line in visual order, bidi.h) is shaped right to left by
             * SDL_ttf's HarfBuzz, as its script (Arabic letters join), so it reads in its
             * order; the runs themselves are already in visual order, left to right */
            TTF_Font *font = font_of(d, role, sg->style);
            if (sg->rtl) {
                const char *script = right_to_left(buf, len);
                shape_as(font, script ? script : "Zyyy");
            }
            float zoom = scale_of(d, role, sg->style);
            SDL_Surface *t = draw_fallback_scaled(TTF_RenderUTF8_Blended(font, buf, c), zoom);
            if (sg->rtl)
                shape_as(font, NULL);
            if (t) {
                /* a run can come out a little wider than its measured words: keep the gap
                 * before the next one (a style change inside a word keeps no gap) */
                int x = sg->x + shift;
                bool spaced = k > 0 && sg->word;
                if (run_end >= 0 && x < run_end + (spaced ? space : 0))
                    x = run_end + (spaced ? space : 0);
                /* on the line's baseline: a fallback font's ascent differs from Charis SIL's */
                int dy = TTF_FontAscent(d->font[role][STYLE_REGULAR]) -
                         (int)((float)TTF_FontAscent(font) * zoom + 0.5f);
                pieces[n++] = (Piece){t, x, y + dy};
                run_end = x + t->w;
                if (x + t->w > width)
                    width = x + t->w;
            }
            k = j;
        }
        y += lh;
    }
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, width, L->height > 0 ? L->height : 1,
                                                       32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Texture *tex = NULL;
    if (surf) {
        SDL_FillRect(surf, NULL, SDL_MapRGBA(surf->format, c.r, c.g, c.b, 0));
        for (size_t i = 0; i < n; i++) {
            SDL_SetSurfaceBlendMode(pieces[i].s, SDL_BLENDMODE_BLEND);
            SDL_Rect dst = {pieces[i].x, pieces[i].y, pieces[i].s->w, pieces[i].s->h};
            SDL_BlitSurface(pieces[i].s, NULL, surf, &dst);
        }
        tex = SDL_CreateTextureFromSurface(d->r, surf);
        SDL_FreeSurface(surf);
        if (tex)
            SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    }
    for (size_t i = 0; i < n; i++)
        SDL_FreeSurface(pieces[i].s);
    free(pieces);
    *w = width;
    return tex;
}

static TextBlock *get_block(Draw *d, TextRole role, const char *text, int w, SDL_Color c)
{
    unsigned long long key = block_key(role, text, w, c);
    d->tick++;
    TextBlock *victim = &d->cache[0];
    for (int i = 0; i < TEXT_CACHE; i++) {
        TextBlock *b = &d->cache[i];
        if (b->key == key && b->last_used) {
            b->last_used = d->tick;
            return b;
        }
        if (b->last_used < victim->last_used)
            victim = b;
    }
    if (victim->tex)
        SDL_DestroyTexture(victim->tex);
    Layout L = {0};
    layout(d, role, text, w, &L);
    int maxw = 0;
    for (size_t i = 0; i < L.n_lines; i++)
        if (L.lines[i].w > maxw)
            maxw = L.lines[i].w;
    victim->key = key;
    victim->tex = render_block(d, role, &L, c, &maxw);
    victim->w = maxw;
    victim->h = L.n_segs ? L.height : 0;
    victim->split = L.split;
    victim->last_used = d->tick;
    free_layout(&L);
    return victim;
}

int draw_text(Draw *d, TextRole role, const char *text, int x, int y, int w, SDL_Color color,
              bool render)
{
    if (!text || !*text)
        return 0;
    TextBlock *b = get_block(d, role, text, w, color);
    if (render && b->tex) {
        SDL_Rect dst = {x, y, b->w, b->h};
        SDL_RenderCopy(d->r, b->tex, NULL, &dst);
        util_grow(&d->drawn, &d->cap_drawn, d->n_drawn + 1, sizeof *d->drawn);
        d->drawn[d->n_drawn++] = dst;
        if (b->split) {
            util_grow(&d->split, &d->cap_split, d->n_split + 1, sizeof *d->split);
            d->split[d->n_split++] = dst;
        }
    }
    return b->h;
}

DrawRun *draw_text_runs(Draw *d, TextRole role, const char *text, int w, size_t *n)
{
    *n = 0;
    if (!text || !*text)
        return NULL;
    Layout L = {0};
    layout(d, role, text, w, &L);
    DrawRun *runs = L.n_segs ? xcalloc(L.n_segs, sizeof *runs) : NULL;
    for (size_t i = 0; i < L.n_lines; i++) {
        const Line *ln = &L.lines[i];
        for (int k = 0; k < ln->count; k++) {
            const Seg *sg = &L.segs[ln->first + k];
            runs[(*n)++] = (DrawRun){(int)i, sg->x + (ln->rtl ? L.right - ln->w : 0), sg->w,
                                     (int)(sg->s - text), sg->len, sg->rtl};
        }
    }
    free_layout(&L);
    return runs;
}

bool draw_text_splits(Draw *d, TextRole role, const char *text, int w)
{
    if (!text || !*text)
        return false;
    /* the colour is part of the cache key: measure in the one draw_text uses most */
    return get_block(d, role, text, w, d->theme->text)->split;
}

int draw_label(Draw *d, TextRole role, FontStyle style, const char *text, int x, int y,
               SDL_Color color, bool render, int *h)
{
    if (h)
        *h = draw_line_height(d, role);
    if (!text || !*text)
        return 0;
    /* a label is a one-line block in the given style: wrap it in markup and never wrap */
    const char *mark = style == STYLE_BOLD ? "**" : style == STYLE_ITALIC ? "*" : "";
    char *t = xasprintf("%s%s%s", mark, text, mark);
    TextBlock *b = get_block(d, role, t, INT_MAX / 2, color);
    free(t);
    if (render && b->tex) {
        SDL_Rect dst = {x, y, b->w, b->h};
        SDL_RenderCopy(d->r, b->tex, NULL, &dst);
    }
    return b->w;
}

void draw_fill(Draw *d, SDL_Rect r, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(d->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(d->r, &r);
}

void draw_frame(Draw *d, SDL_Rect r, SDL_Color c, int t)
{
    draw_fill(d, (SDL_Rect){r.x, r.y, r.w, t}, c);
    draw_fill(d, (SDL_Rect){r.x, r.y + r.h - t, r.w, t}, c);
    draw_fill(d, (SDL_Rect){r.x, r.y, t, r.h}, c);
    draw_fill(d, (SDL_Rect){r.x + r.w - t, r.y, t, r.h}, c);
}

void draw_dashed_frame(Draw *d, SDL_Rect r, SDL_Color c, int t)
{
    int dash = draw_px(d, 8), step = dash + draw_px(d, 6);
    for (int x = r.x; x < r.x + r.w; x += step) {
        int w = x + dash > r.x + r.w ? r.x + r.w - x : dash;
        draw_fill(d, (SDL_Rect){x, r.y, w, t}, c);
        draw_fill(d, (SDL_Rect){x, r.y + r.h - t, w, t}, c);
    }
    for (int y = r.y; y < r.y + r.h; y += step) {
        int h = y + dash > r.y + r.h ? r.y + r.h - y : dash;
        draw_fill(d, (SDL_Rect){r.x, y, t, h}, c);
        draw_fill(d, (SDL_Rect){r.x + r.w - t, y, t, h}, c);
    }
}

char *draw_ellipsize(Draw *d, TextRole role, FontStyle style, const char *text, int w)
{
    SDL_Color c = {0, 0, 0, 255};
    if (draw_label(d, role, style, text, 0, 0, c, false, NULL) <= w)
        return xstrdup(text);
    size_t n = strlen(text);
    while (n > 0) {
        do /* back one code point (UTF-8 continuation bytes are 10xxxxxx) */
            n--;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80);
        while (n > 0 && text[n - 1] == ' ')
            n--;
        char *s = xasprintf("%.*s\u2026", (int)n, text);
        if (draw_label(d, role, style, s, 0, 0, c, false, NULL) <= w)
            return s;
        free(s);
    }
    char *dots = xstrdup("\u2026");
    if (draw_label(d, role, style, dots, 0, 0, c, false, NULL) <= w)
        return dots;
    free(dots);
    return xstrdup("");
}
