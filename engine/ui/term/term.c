/* term.c: the plain terminal front end. Line based: it shows a scene, reads a line, and works
 * the same with a pipe on stdin (whole games can be scripted) as with a person at a terminal.
 * Each screen is built in one buffer and written at once. Whatever a story's strings hold, the
 * terminal only ever gets Ladder's own escape codes: every story string goes through
 * utf8_visible (core/utf8.h) before it is styled, so its control characters show as symbols. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/screen.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/watch.h"
#include <poll.h>
#include "ui/leave.h"
#include "ui/term/room.h"
#include "ui/term/term.h"
#include "ui/ui.h"

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define ITALIC "\033[3m"
#define RESET "\033[0m"

typedef struct Term {
    const UiConfig *cfg;
    Session *s;
    Watch *watch;   /* --watch: the story's files */
    Buf pending;    /* --watch: input read but not yet used */
    bool in_eof;
    char *chapter;       /* last chapter heading shown (owned) */
    int status;          /* exit status */
    double shown_at;
} Term;

/* Append a story's one-line string (a title, a label) with its controls made visible. */
static void put_text(Buf *b, const char *s)
{
    utf8_visible(s, strlen(s), 0, b);
}

/* Styled text for the terminal: each run of prose with its controls made visible (keeping tabs),
 * *emphasis* and **strong** turned into escape codes (or only dropped, without colour). */
typedef struct Styler {
    Buf b;
    bool color;
    unsigned style; /* the style the escape codes written so far leave on */
} Styler;

static void styled_run(void *ud, const char *text, size_t len, unsigned style)
{
    Styler *st = ud;
    if (style & TEXT_PARAGRAPH) {
        buf_puts(&st->b, "\n\n");
        return;
    }
    if (style & TEXT_BREAK) {
        buf_putc(&st->b, '\n');
        return;
    }
    if (st->color && ((style ^ st->style) & TEXT_STRONG))
        buf_puts(&st->b, style & TEXT_STRONG ? BOLD : "\033[22m");
    if (st->color && ((style ^ st->style) & TEXT_EM))
        buf_puts(&st->b, style & TEXT_EM ? ITALIC : "\033[23m");
    st->style = style;
    utf8_visible(text, len, UTF8_KEEP_LAYOUT, &st->b);
}

static char *styled_end(Styler *st)
{
    if (st->color && st->style)
        buf_puts(&st->b, RESET);
    return buf_take(&st->b);
}

/* Any text with markup (a message, a summary): through the one markup parser. */
static char *styled(const char *text, bool color)
{
    Styler st = {.color = color};
    text_markup(text, styled_run, &st);
    return styled_end(&st);
}

/* Prose the Screen has already parsed. */
static char *styled_prose(const ScreenProse *p, bool color)
{
    Styler st = {.color = color};
    for (size_t i = 0; i < p->n_paragraphs; i++) {
        if (i > 0)
            styled_run(&st, "", 0, TEXT_PARAGRAPH);
        for (size_t k = 0; k < p->paragraphs[i].n_spans; k++) {
            const ScreenSpan *sp = &p->paragraphs[i].spans[k];
            styled_run(&st, sp->text, strlen(sp->text), sp->style);
        }
    }
    return styled_end(&st);
}

static void wrap_styled(Buf *out, const char *st, int width, int indent)
{
    text_wrap(out, st, width, indent);
}

/* Wrap laid-out prose with markup. */
static void wrap_text(Buf *out, const char *text, int width, int indent, bool color)
{
    char *st = styled(text, color);
    wrap_styled(out, st, width, indent);
    free(st);
}

static void wrap_prose(Buf *out, const ScreenProse *p, int width, int indent, bool color)
{
    char *st = styled_prose(p, color);
    wrap_styled(out, st, width, indent);
    free(st);
}

static void put(Term *t, Buf *b)
{
    fputs(buf_str(b), t->cfg->out);
    fflush(t->cfg->out);
    buf_free(b);
}

static void say(Term *t, const char *fmt, ...) LADDER_PRINTF(2, 3);
static void say(Term *t, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    Buf w = {0};
    wrap_text(&w, buf_str(&b), t->cfg->width, 0, t->cfg->color);
    buf_free(&b);
    put(t, &w);
}

static void show_notices(Term *t)
{
    char *n = session_take_notice(t->s);
    if (n) {
        say(t, "%s", n);
        free(n);
    }
}

static void rule(Buf *b, const Term *t, const char *title)
{
    bool c = t->cfg->color;
    const char *bar = t->cfg->color ? "\u2500\u2500" : "--";
    buf_printf(b, "\n%s%s ", c ? BOLD : "", bar);
    put_text(b, title);
    buf_printf(b, " %s%s\n\n", bar, c ? RESET : "");
}

/* The stats shown (hidden ones left out while the game goes on): label, bar, value, "lower is
 * better"; with explain, the story's description of each under it (the 'stats' command). */
static void show_stats(Term *t, const Screen *sc, Buf *b, bool explain)
{
    size_t lw = 0;
    char **labels = xcalloc(sc->n_stats + 1, sizeof *labels);
    for (size_t i = 0; i < sc->n_stats; i++) {
        if (sc->stats[i].hidden) /* a hidden stat, while the game goes on */
            continue;
        labels[i] = utf8_visible_dup(sc->stats[i].label, 0);
        if (text_width(labels[i], strlen(labels[i])) > lw)
            lw = text_width(labels[i], strlen(labels[i]));
    }
    for (size_t i = 0; i < sc->n_stats; i++) {
        const ScreenStat *d = &sc->stats[i];
        if (d->hidden)
            continue;
        int v = d->value, cells = 20;
        int fill = (int)((long long)(v - d->min) * cells / (d->max - d->min));
        buf_printf(b, "  %s", labels[i]);
        for (size_t k = text_width(labels[i], strlen(labels[i])); k < lw + 2; k++)
            buf_putc(b, ' ');
        buf_putc(b, '[');
        for (int k = 0; k < cells; k++)
            buf_puts(b, k < fill ? "#" : (t->cfg->color ? DIM "." RESET : "."));
        buf_printf(b, "] %3d", v);
        if (d->good == GOOD_LOW)
            buf_puts(b, "  (lower is better)");
        buf_putc(b, '\n');
        if (explain && d->description)
            wrap_text(b, d->description, t->cfg->width, 4, t->cfg->color);
        free(labels[i]);
    }
    free(labels);
}

/* The endings gallery (the 'endings' command): how many were found, then each of the story's
 * endings, numbered: found ones by title and verdict (this game's marked), the others "Not
 * found yet", their titles kept back. */
static void show_gallery(const Screen *sc, Buf *b)
{
    if (sc->endings_total)
        buf_printf(b, "Endings found: %zu of %zu.\n", sc->endings_found, sc->endings_total);
    else
        buf_puts(b, "The endings you reach are not being recorded on this computer.\n");
    for (size_t i = 0; i < sc->n_gallery; i++) {
        const ScreenGalleryEnding *e = &sc->gallery[i];
        buf_printf(b, "  %zu. ", i + 1);
        if (!e->found) {
            buf_puts(b, "Not found yet\n");
            continue;
        }
        put_text(b, e->title);
        bool this_game = sc->ending && strcmp(sc->ending->id, e->id) == 0;
        buf_printf(b, " (%s%s)\n", e->verdict_text, this_game ? ", this game" : "");
    }
}

static void show_ending(Term *t, const Screen *sc, Buf *b)
{
    bool c = t->cfg->color;
    const ScreenEnding *e = sc->ending;
    buf_printf(b, "\n%sTHE END: ", c ? BOLD : "");
    put_text(b, e->title);
    buf_printf(b, "%s (%s, after %zu decision%s)\n\n", c ? RESET : "", e->verdict_text,
               sc->n_decisions, sc->n_decisions == 1 ? "" : "s");
    show_stats(t, sc, b, false);
    if (sc->campaign && sc->campaign->n_career) { /* the last chapter: the whole career */
        buf_printf(b, "\n%sYour career%s\n\n", c ? BOLD : "", c ? RESET : "");
        for (size_t i = 0; i < sc->campaign->n_career; i++) {
            const struct ScreenChapterEnd *ce = &sc->campaign->career[i];
            char *line = xasprintf("%zu. %s: %s (%s)", i + 1, ce->story_title, ce->ending_title,
                                   ce->verdict_text);
            wrap_text(b, line, t->cfg->width, 2, false);
            free(line);
        }
    }
    size_t shown = 0;
    for (size_t i = 0; i < sc->n_decisions; i++) {
        const ScreenDecision *d = &sc->decisions[i];
        if (!d->pivotal)
            continue;
        if (!shown++)
            buf_printf(b, "\n%sLooking back%s\n\n", c ? BOLD : "",
                       c ? RESET : "");
        Buf line = {0};
        buf_printf(&line, "You chose: \"%s\"", d->text);
        if (d->advice_text) /* "... (goes against the advice)" */
            buf_printf(&line, " (%s)", d->advice_text);
        char *laid = text_layout(buf_str(&line));
        wrap_text(b, laid, t->cfg->width, 2, c);
        free(laid);
        buf_free(&line);
        if (d->lesson)
            wrap_text(b, d->lesson, t->cfg->width, 4, c);
        if (d->advises) {
            char *s = xasprintf("The advice: %s", d->advises);
            wrap_text(b, s, t->cfg->width, 4, c);
            free(s);
        }
        if (d->not_taken) {
            char *s = xasprintf("The road not taken: \"%s\"", d->not_taken);
            char *laid_s = text_layout(s);
            wrap_text(b, laid_s, t->cfg->width, 4, c);
            free(laid_s);
            free(s);
        }
        buf_putc(b, '\n');
    }
    if (shown && shown < sc->n_decisions) {
        wrap_text(b, shown + 1 == sc->n_decisions ? "One more decision is in 'history'."
                                                  : "The other decisions are in 'history'.",
                  t->cfg->width, 2, c);
        buf_putc(b, '\n');
    }
    if (e->lesson) {
        wrap_text(b, e->lesson, t->cfg->width, 0, c);
        buf_putc(b, '\n');
    }
    if (sc->campaign && sc->campaign->next)
        buf_printf(b, "\nType 'next' to go on to chapter %zu of %zu, or 'undo', 'history', "
                      "'quit'.\n",
                   sc->campaign->chapter + 1, sc->campaign->chapters);
    else {
        buf_putc(b, '\n');
        wrap_text(b, "Type 'again' to play again, 'undo' to take back your last decision, "
                     "'history' to review, or 'quit'.", t->cfg->width, 0, c);
    }
    if (sc->endings_total) /* the endings gallery */
        buf_printf(b, "Endings found: %zu of %zu.\n", sc->endings_found, sc->endings_total);
}

/* The scene of sc: its chapter heading when the chapter changes, its prose, and its choices
 * or its ending; then any notice sc still holds. */
static void print_scene(Term *t, const Screen *sc)
{
    Buf b = {0};
    bool c = t->cfg->color;
    if (sc->chapter && !(t->chapter && strcmp(sc->chapter, t->chapter) == 0))
        rule(&b, t, sc->chapter);
    else
        buf_putc(&b, '\n');
    free(t->chapter);
    t->chapter = sc->chapter ? xstrdup(sc->chapter) : NULL;
    wrap_prose(&b, &sc->text, t->cfg->width, 0, c);
    if (sc->ending) {
        show_ending(t, sc, &b);
    } else {
        buf_putc(&b, '\n');
        for (size_t i = 0; i < sc->n_available; i++) {
            char head[32];
            snprintf(head, sizeof head, "  %zu. ", sc->choices[i].number);
            buf_puts(&b, head);
            char *st = styled_prose(&sc->choices[i].text, c);
            text_wrap_line(&b, st, strlen(st), t->cfg->width, 5, 5);
            free(st);
            buf_putc(&b, '\n');
        }
        for (size_t i = sc->n_available; i < sc->n_choices; i++) {
            /* locked: shown dimmed, with a dash for a number, and why: "(Needs Trust 60)" */
            const ScreenChoice *ch = &sc->choices[i];
            buf_printf(&b, "%s  -  ", c ? DIM : "");
            Buf line = {0};
            buf_printf(&line, "%s (%s)", ch->text.text, ch->requirement);
            char *plain = text_plain(buf_str(&line));
            buf_free(&line);
            Buf esc = {0};
            put_text(&esc, plain);
            free(plain);
            text_wrap_line(&b, buf_str(&esc), esc.len, t->cfg->width, 5, 5);
            buf_free(&esc);
            buf_printf(&b, "%s\n", c ? RESET : "");
        }
    }
    if (sc->notice) /* notices come before the screen (show_notices); any left come after */
        wrap_text(&b, sc->notice, t->cfg->width, 0, c);
    put(t, &b);
    t->shown_at = util_now_seconds();
}

static void show_scene(Term *t)
{
    Screen *sc = screen_describe(t->s);
    print_scene(t, sc);
    screen_free(sc);
}

static void show_history(Term *t)
{
    Screen *sc = screen_describe(t->s);
    Buf b = {0};
    if (sc->n_decisions == 0)
        buf_puts(&b, "No decisions yet.\n");
    for (size_t i = 0; i < sc->n_decisions; i++) {
        const ScreenDecision *d = &sc->decisions[i];
        Buf line = {0};
        buf_printf(&line, "%zu. %s", d->number, d->text);
        if (d->changes)
            buf_printf(&line, " (%s)", d->changes);
        char *laid = text_layout(buf_str(&line));
        wrap_text(&b, laid, t->cfg->width, 2, t->cfg->color);
        free(laid);
        buf_free(&line);
        if (d->reply.text)
            wrap_prose(&b, &d->reply, t->cfg->width, 5, t->cfg->color);
    }
    if (sc->notice)
        wrap_text(&b, sc->notice, t->cfg->width, 0, t->cfg->color);
    put(t, &b);
    screen_free(sc);
}

static void show_help(Term *t)
{
    Buf b = {0}; /* a plain aligned list: not laid out as prose, which would join the lines */
    buf_puts(&b, "Type the number of a choice and press Enter. Other commands:\n"
                 "  stats          where you stand, and what each stat means\n"
                 "  endings        the story's endings: which you have found\n"
                 "  history        the decisions so far\n"
                 "  undo           take back the last decision\n"
                 "  next           (campaigns) go on to the next chapter after an ending\n"
                 "  again          at an ending, play the story again from the start\n"
                 "  save [NAME]    save to a slot (default: quicksave)\n"
                 "  load [NAME]    load a slot (without a name: list the saves)\n"
                 "  help           this list\n"
                 "  quit           leave (your game is autosaved after every decision)\n");
    put(t, &b);
}

static void list_saves(Term *t)
{
    size_t n;
    SaveInfo *v = session_list_saves(t->s, &n);
    Buf b = {0};
    if (n == 0)
        buf_puts(&b, "There are no saves of this story yet.\n");
    else
        buf_puts(&b, "Saves of this story (load NAME):\n");
    for (size_t i = 0; i < n; i++) { /* names come from files, scenes from the story */
        Buf line = {0};
        char *when = ui_human_time(v[i].updated);
        buf_printf(&line, "  %-28s %s  %zu decision%s, %s%s", v[i].name, when, v[i].decisions,
                   v[i].decisions == 1 ? "" : "s", v[i].ended ? "ended at " : "at ", v[i].scene);
        free(when);
        put_text(&b, buf_str(&line));
        buf_putc(&b, '\n');
        buf_free(&line);
    }
    session_free_saves(v, n);
    put(t, &b);
}

/* What the last decision did: its reply, a forced jump's reason, then the stats that moved,
 * good ones in green and bad ones in red. */
static void print_changes(Term *t, const Screen *sc)
{
    Buf b = {0};
    bool c = t->cfg->color;
    if (sc->reply) { /* the choice's reply, right after it */
        buf_putc(&b, '\n');
        wrap_prose(&b, sc->reply, t->cfg->width, 0, c);
    }
    if (sc->forced_reason) {
        buf_printf(&b, "\n%s", c ? BOLD : "");
        put_text(&b, sc->forced_reason);
        buf_printf(&b, "%s\n", c ? RESET : "");
    }
    if (sc->n_changes) {
        buf_puts(&b, "\n  [");
        for (size_t i = 0; i < sc->n_changes; i++) {
            const ScreenChange *ch = &sc->changes[i];
            if (i)
                buf_puts(&b, ", ");
            if (c && ch->sign)
                buf_puts(&b, ch->sign > 0 ? "\033[32m" : "\033[31m");
            put_text(&b, ch->text);
            if (c && ch->sign)
                buf_puts(&b, "\033[39m");
        }
        buf_puts(&b, "]\n");
    }
    put(t, &b);
}

static void show_scene(Term *t);

/* --watch: the story changed on disk; reload it and show where the game stands. */
static void reload(Term *t)
{
    Err err;
    if (session_reload(t->s, &err) != 0) {
        say(t, "\n[The story changed but does not load; the game goes on with the last version "
               "that did:]");
        utf8_fprintf(t->cfg->out, "%s\n", err.msg);
        return;
    }
    say(t, "\n[The story changed: reloaded, and replayed to where you were.]");
    show_notices(t);
    free(t->chapter);
    t->chapter = NULL;
    show_scene(t);
}

/* --watch: wait for a line of input or a change of the story's files. Reads the descriptor
 * directly, so no stdio buffer hides input from poll. */
static bool read_line_watching(Term *t, char *buf, size_t n)
{
    int in = fileno(t->cfg->in);
    for (;;) {
        char *nl = t->pending.s ? memchr(t->pending.s, '\n', t->pending.len) : NULL;
        if (nl || (t->in_eof && t->pending.len)) {
            size_t len = nl ? (size_t)(nl - t->pending.s) + 1 : t->pending.len;
            size_t keep = len < n - 1 ? len : n - 1;
            memcpy(buf, t->pending.s, keep);
            buf[keep] = '\0';
            memmove(t->pending.s, t->pending.s + len, t->pending.len - len);
            t->pending.len -= len;
            return true;
        }
        if (t->in_eof)
            return false;
        struct pollfd p[2] = {{in, POLLIN, 0}, {watch_fd(t->watch), POLLIN, 0}};
        if (poll(p, 2, -1) < 0)
            continue;
        if (p[1].revents && watch_changed(t->watch, 0)) {
            reload(t);
            fputs("\n> ", t->cfg->out);
            fflush(t->cfg->out);
        }
        if (p[0].revents) {
            char chunk[512];
            ssize_t got = read(in, chunk, sizeof chunk);
            if (got <= 0)
                t->in_eof = true;
            else
                buf_add(&t->pending, chunk, (size_t)got);
        }
    }
}

/* Read one line; false at end of input, or once a signal asked to leave (ui/leave.h). */
static bool read_line(Term *t, char *buf, size_t n)
{
    if (leave_signal())
        return false;
    fputs("\n> ", t->cfg->out);
    fflush(t->cfg->out);
    bool got = t->watch ? read_line_watching(t, buf, n) : fgets(buf, (int)n, t->cfg->in) != NULL;
    if (!got || leave_signal()) {
        fputc('\n', t->cfg->out);
        return false;
    }
    if (!isatty(fileno(t->cfg->in))) /* echo scripted input so transcripts read naturally */
        utf8_fprintf(t->cfg->out, "%s%s", buf, strchr(buf, '\n') ? "" : "\n");
    size_t len = strlen(buf);
    if (len == n - 1 && buf[len - 1] != '\n') { /* overlong line: drop the rest */
        int c;
        while ((c = fgetc(t->cfg->in)) != EOF && c != '\n')
            ;
    }
    while (len && isspace((unsigned char)buf[len - 1]))
        buf[--len] = '\0';
    return true;
}

static void report_error(Term *t, const char *msg)
{
    utf8_fprintf(stderr, "ladder: scenario error: %s\n", msg);
    fflush(stderr);
    say(t, "The story hit an error in its script (details above); the game is back where it was. "
           "Try another choice, 'undo', or 'quit'.");
}

static void show_intro(Term *t);

/* What follows a decision (rc and msg as session_choose returned them): its changes, the
 * notices and the next screen; or the script's error and the same screen again. */
static void show_decided(Term *t, int rc, const char *msg)
{
    if (rc != 0) {
        t->status = 1;
        report_error(t, msg);
        show_scene(t);
        return;
    }
    Screen *sc = screen_describe(t->s); /* one description: changes, notices, the scene */
    print_changes(t, sc);
    if (sc->notice) {
        say(t, "%s", sc->notice);
        free(sc->notice);
        sc->notice = NULL;
    }
    print_scene(t, sc);
    screen_free(sc);
}

/* What follows 'next' (rc and msg as session_advance returned them): the chapter's title block
 * and first screen, or the error. */
static void show_advanced(Term *t, int rc, const char *msg)
{
    if (rc != 0) {
        t->status = 1;
        report_error(t, msg);
        return;
    }
    show_intro(t);
    show_notices(t);
    show_scene(t);
}

static bool handle(Term *t, char *line)
{
    char *p = line;
    while (isspace((unsigned char)*p))
        p++;
    char *arg = p;
    while (*arg && !isspace((unsigned char)*arg))
        arg++;
    if (*arg) {
        *arg++ = '\0';
        while (isspace((unsigned char)*arg))
            arg++;
    }
    const Game *g = session_game(t->s);
    Err err;
    if (*p == '\0') {
        if (!game_ended(g))
            say(t, "Type a number from 1 to %zu, or 'help'.", game_choice_count(g));
        return true;
    }
    if (isdigit((unsigned char)*p)) {
        char *end;
        long n = strtol(p, &end, 10);
        if (*end || game_ended(g) || n < 1 || (size_t)n > game_choice_count(g)) {
            if (game_ended(g) && session_next_chapter(t->s))
                say(t, "This chapter has ended. Type 'next' to go on, or 'undo', 'history', "
                       "'quit'.");
            else if (game_ended(g))
                say(t, "The story has ended. Type 'again', 'undo', 'history' or 'quit'.");
            else
                say(t, "Type a number from 1 to %zu, or 'help'.", game_choice_count(g));
            return true;
        }
        double secs = util_now_seconds() - t->shown_at;
        int rc = session_choose(t->s, (size_t)n - 1, secs, &err);
        show_decided(t, rc, err.msg);
        return true;
    }
    for (char *q = p; *q; q++)
        *q = (char)tolower((unsigned char)*q);
    if (strcmp(p, "quit") == 0 || strcmp(p, "q") == 0 || strcmp(p, "exit") == 0)
        return false;
    if (strcmp(p, "help") == 0 || strcmp(p, "h") == 0 || strcmp(p, "?") == 0) {
        show_help(t);
    } else if (strcmp(p, "stats") == 0 || strcmp(p, "s") == 0) {
        Screen *sc = screen_describe(t->s);
        Buf b = {0};
        show_stats(t, sc, &b, true);
        put(t, &b);
        if (sc->notice)
            say(t, "%s", sc->notice);
        screen_free(sc);
    } else if (strcmp(p, "endings") == 0 || strcmp(p, "e") == 0) {
        Screen *sc = screen_describe(t->s);
        Buf b = {0};
        show_gallery(sc, &b);
        put(t, &b);
        if (sc->notice)
            say(t, "%s", sc->notice);
        screen_free(sc);
    } else if (strcmp(p, "next") == 0 && session_next_chapter(t->s)) {
        int rc = session_advance(t->s, &err);
        show_advanced(t, rc, err.msg);
    } else if ((strcmp(p, "again") == 0 || strcmp(p, "restart") == 0) && game_ended(g)) {
        if (session_restart(t->s, &err) != 0) {
            t->status = 1;
            report_error(t, err.msg);
        } else {
            say(t, "A new game begins.");
            show_intro(t);
            show_notices(t);
            show_scene(t);
        }
    } else if (strcmp(p, "history") == 0) {
        show_history(t);
    } else if (strcmp(p, "undo") == 0 || strcmp(p, "u") == 0) {
        if (session_undo(t->s, &err) != 0) {
            say(t, "%s", err.msg);
        } else {
            say(t, "You take back your last decision.");
            free(t->chapter);
            t->chapter = NULL;
            show_notices(t);
            show_scene(t);
        }
    } else if (strcmp(p, "save") == 0) {
        char *path = NULL;
        const char *name = *arg ? arg : "quicksave";
        if (session_save(t->s, name, &path, &err) != 0)
            say(t, "Not saved: %s", err.msg);
        else
            say(t, "Saved as '%s'.", name);
        free(path);
        show_notices(t);
    } else if (strcmp(p, "load") == 0) {
        if (!*arg) {
            list_saves(t);
        } else if (session_load(t->s, arg, &err) != 0) {
            say(t, "Not loaded: %s", err.msg);
        } else {
            say(t, "Loaded '%s'.", arg);
            free(t->chapter);
            t->chapter = NULL;
            show_notices(t);
            show_scene(t);
        }
    } else {
        say(t, "I don't know '%s'. Type a number from 1 to %zu, or 'help'.", p,
            game_choice_count(g));
    }
    return true;
}

/* The title block of the story being played (and of its campaign), with its content note. */
static void show_intro(Term *t)
{
    Screen *sc = screen_of(t->s); /* the notices stay for show_notices */
    Buf b = {0};
    bool c = t->cfg->color;
    if (sc->campaign) {
        buf_puts(&b, c ? BOLD : "");
        put_text(&b, sc->campaign->title);
        buf_printf(&b, "%s, chapter %zu of %zu\n", c ? RESET : "", sc->campaign->chapter,
                   sc->campaign->chapters);
    }
    buf_puts(&b, c ? BOLD : "");
    put_text(&b, sc->title);
    buf_printf(&b, "%s\n", c ? RESET : "");
    if (*sc->summary)
        wrap_text(&b, sc->summary, t->cfg->width, 0, false);
    if (sc->campaign && sc->campaign->carried) {
        char *s = xasprintf("\nYou carry into this chapter: %s.", sc->campaign->carried);
        wrap_text(&b, s, t->cfg->width, 0, false);
        free(s);
    }
    if (sc->n_decisions == 0 && sc->content_note) {
        /* the note's own markers are dropped; "**" makes the label bold when colour is on */
        char *plain = text_plain(sc->content_note);
        Buf note = {0};
        buf_printf(&note, "\n**Content note:** %s", plain);
        wrap_text(&b, buf_str(&note), t->cfg->width, 0, c);
        buf_free(&note);
        free(plain);
    }
    put(t, &b);
    screen_free(sc);
    free(t->chapter);
    t->chapter = NULL;
}

/* The first screen of a game after its title block: where it continues from, notices, the
 * scene. */
static void show_start(Term *t)
{
    const Game *g = session_game(t->s);
    Buf b = {0};
    if (game_decision_count(g) > 0)
        buf_printf(&b, "\nContinuing after %zu decision%s.\n", game_decision_count(g),
                   game_decision_count(g) == 1 ? "" : "s");
    buf_puts(&b, "Type 'help' for commands.\n");
    put(t, &b);
    show_notices(t);
    show_scene(t);
}

/* The first screen of a game: title block, then show_start. */
static void show_opening(Term *t)
{
    show_intro(t);
    show_start(t);
}

/* The story asks for the player's name (Screen.ask_name): ask until one is given. False when
 * input ends first. */
static bool ask_name(Term *t)
{
    Screen *sc = screen_of(t->s);
    bool ask = sc->ask_name;
    screen_free(sc);
    char line[256];
    while (ask) {
        say(t, "\nWhat is your name?");
        if (!read_line(t, line, sizeof line))
            return false;
        Err err;
        if (session_set_player(t->s, line, &err) == 0)
            break;
        say(t, "Type a name of 1 to %d characters.", SESSION_MAX_NAME);
    }
    return true;
}

static UiExit term_play(Session *s, const UiConfig *cfg)
{
    Term t = {.cfg = cfg, .s = s};
    if (cfg->watch) {
        Err err;
        t.watch = watch_open(session_root(s)->path, &err);
        if (!t.watch)
            utf8_fprintf(stderr, "ladder: --watch: %s\n", err.msg);
    }
    show_intro(&t);
    char line[1024];
    if (ask_name(&t)) {
        show_start(&t);
        while (read_line(&t, line, sizeof line))
            if (!handle(&t, line))
                break;
    }
    watch_free(t.watch);
    buf_free(&t.pending);
    free(t.chapter);
    return t.status;
}

static int term_menu(const Catalog *c, const UiConfig *cfg, MenuPick *pick)
{
    Term t = {.cfg = cfg};
    bool col = cfg->color;
    char *cont_path = NULL, *cont_title = NULL, *cont_when = NULL;
    bool can_continue = ui_find_latest_autosave(c, &cont_path, &cont_title, &cont_when);
    Buf b = {0};
    buf_printf(&b, "%sLADDER%s\n", col ? BOLD : "", col ? RESET : "");
    wrap_text(&b, "Career stories about IT leaders: the choices, and what they cost.", cfg->width,
              0, false);
    buf_putc(&b, '\n');
    for (size_t i = 0; i < c->n; i++) {
        char head[32];
        snprintf(head, sizeof head, "  %zu. ", i + 1);
        buf_printf(&b, "%s%s", head, col ? BOLD : "");
        put_text(&b, c->v[i].title);
        buf_puts(&b, col ? RESET : "");
        if (c->v[i].endings_found) /* the endings gallery */
            buf_printf(&b, "  (%zu of %zu endings found)", c->v[i].endings_found,
                       c->v[i].endings);
        if (*c->v[i].summary) {
            Buf line = {0};
            put_text(&line, c->v[i].summary);
            buf_puts(&b, "\n     ");
            text_wrap_line(&b, buf_str(&line), line.len, cfg->width, 5, 5);
            buf_free(&line);
        }
        buf_putc(&b, '\n');
    }
    if (c->n == 0) {
        buf_puts(&b, "  No stories found in ");
        put_text(&b, c->dir);
        buf_puts(&b, ".\n");
    }
    if (can_continue) {
        char *when = ui_human_time(cont_when);
        buf_puts(&b, "  c. Continue ");
        put_text(&b, cont_title);
        buf_printf(&b, " (saved %s)\n", when);
        free(when);
    }
    buf_puts(&b, "  q. Quit\n");
    put(&t, &b);
    char line[256];
    int rc = 1;
    while (read_line(&t, line, sizeof line)) {
        char *end;
        long n = strtol(line, &end, 10);
        if (line[0] && !*end && n >= 1 && (size_t)n <= c->n) {
            pick->story_path = xstrdup(c->v[n - 1].path);
            pick->resume = false;
            rc = 0;
            break;
        }
        if (can_continue && (strcmp(line, "c") == 0 || strcmp(line, "C") == 0)) {
            pick->story_path = xstrdup(cont_path);
            pick->resume = true;
            rc = 0;
            break;
        }
        if (strcmp(line, "q") == 0 || strcmp(line, "quit") == 0)
            break;
        say(&t, "Type a story's number%s, or q to quit.", can_continue ? ", c to continue" : "");
    }
    free(cont_path);
    free(cont_title);
    free(cont_when);
    return rc;
}

/* ---- transcripts (term.h): the same screens for a session played by the caller ---- */

struct TermTranscript {
    Term t;
};

TermTranscript *term_transcript_open(Session *s, const UiConfig *cfg)
{
    TermTranscript *tr = xcalloc(1, sizeof *tr);
    tr->t = (Term){.cfg = cfg, .s = s};
    show_opening(&tr->t);
    return tr;
}

void term_transcript_typed(TermTranscript *tr, const char *line)
{
    utf8_fprintf(tr->t.cfg->out, "\n> %s\n", line);
}

void term_transcript_chose(TermTranscript *tr, int rc, const char *msg)
{
    show_decided(&tr->t, rc, msg);
}

void term_transcript_advanced(TermTranscript *tr, int rc, const char *msg)
{
    show_advanced(&tr->t, rc, msg);
}

int term_transcript_close(TermTranscript *tr)
{
    fputs("\n> \n", tr->t.cfg->out);
    fflush(tr->t.cfg->out);
    int status = tr->t.status;
    free(tr->t.chapter);
    free(tr);
    return status;
}

const Frontend ui_term = {.name = "term", .summary = "the terminal",
                          .caps = UI_CAP_MENU | UI_CAP_ROOM, .play = term_play,
                          .menu = term_menu, .room = term_room};
