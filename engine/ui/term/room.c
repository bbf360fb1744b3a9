/* room.c: the terminal's room mode (ui_term.room), for a facilitator. At each decision the room
 * discusses the scene's question, the facilitator types the room's votes (or picks), the option
 * with most votes is taken (the facilitator breaks ties), and the change is shown. `rewind N`
 * goes back to decision N to play the road not taken; both roads stay in the record. When the
 * story ends the debrief is printed and written (out/debrief.h); a campaign's chapter that
 * ends goes on to the next with `next`. */
#include "ui/term/room.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/screen.h"
#include "core/session.h"
#include "core/text.h"
#include "core/utf8.h"
#include "out/debrief.h"
#include "ui/leave.h"

/* The terminal side of a room. */
typedef struct TermRoom {
    Room *room;
    Session *s;
    FILE *in, *out;
    int width;
    int timer;
    bool hide_numbers; /* "numbers off" hides them for the rest of the session */
} TermRoom;

/* Write a story's text wrapped, markup dropped, control characters made visible. */
static void wrap(TermRoom *r, const char *text, int indent)
{
    char *marked = text_plain(text);
    char *plain = utf8_visible_dup(marked, UTF8_KEEP_LAYOUT);
    free(marked);
    Buf b = {0};
    text_wrap(&b, plain, r->width, indent);
    fputs(buf_str(&b), r->out);
    buf_free(&b);
    free(plain);
}

/* Read one line; false at end of input, or once a signal asked to leave (ui/leave.h). */
static bool read_line(TermRoom *r, const char *prompt, char *buf, size_t n)
{
    if (leave_signal())
        return false;
    fprintf(r->out, "%s", prompt);
    fflush(r->out);
    if (!fgets(buf, (int)n, r->in) || leave_signal()) {
        fputc('\n', r->out);
        return false;
    }
    if (!isatty(fileno(r->in)))
        utf8_fprintf(r->out, "%s%s", buf, strchr(buf, '\n') ? "" : "\n");
    size_t len = strlen(buf);
    while (len && isspace((unsigned char)buf[len - 1]))
        buf[--len] = '\0';
    return true;
}

static void changes_line(TermRoom *r)
{
    Screen *sc = screen_describe(r->s);
    const char *words = r->hide_numbers ? sc->changes_words : sc->changes_text;
    if (sc->reply) { /* the choice's reply, right after it */
        fputc('\n', r->out);
        wrap(r, sc->reply->text, 0);
    }
    if (words)
        utf8_fprintf(r->out, "\n  [%s]\n", words);
    if (sc->notice) /* what the session has to say (an autosave that failed, say) */
        wrap(r, sc->notice, 0);
    screen_free(sc);
}

static void show_scene(TermRoom *r)
{
    Screen *sc = screen_describe(r->s);
    if (sc->notice)
        wrap(r, sc->notice, 0);
    if (sc->ending) { /* no decision here: the ending's title, then its summary (show_debrief) */
        utf8_fprintf(r->out, "\n== %s ==\n\n", sc->ending->title);
        wrap(r, sc->text.text, 0);
        screen_free(sc);
        return;
    }
    utf8_fprintf(r->out, "\n== Decision %zu%s%s ==\n\n", room_decision_count(r->room) + 1,
                 sc->chapter ? ": " : "", sc->chapter ? sc->chapter : "");
    wrap(r, sc->text.text, 0);
    fputc('\n', r->out);
    for (size_t i = 0; i < sc->n_available; i++) {
        /* "  1. " then the choice, wrapped at words with its lines under the text */
        Buf line = {0};
        buf_printf(&line, "  %zu. ", sc->choices[i].number);
        int head = (int)line.len;
        char *plain = text_plain(sc->choices[i].text.text);
        char *shown = utf8_visible_dup(plain, 0);
        text_wrap_line(&line, shown, strlen(shown), r->width, head, head);
        buf_putc(&line, '\n');
        fputs(buf_str(&line), r->out);
        buf_free(&line);
        free(shown);
        free(plain);
    }
    if (sc->discuss) {
        /* a scene the room comes back to asks its question again: say so */
        size_t asked = 0, before = room_decision_count(r->room) - sc->n_decisions;
        for (size_t i = 0; i < sc->n_decisions && !asked; i++)
            if (sc->decisions[i].discuss && strcmp(sc->decisions[i].discuss, sc->discuss) == 0)
                asked = before + i + 1;
        Buf q = {0};
        if (asked)
            buf_printf(&q, "For the room (asked at decision %zu too: has the answer changed?): ",
                       asked);
        else
            buf_puts(&q, "For the room: ");
        buf_puts(&q, sc->discuss);
        fputc('\n', r->out);
        wrap(r, buf_str(&q), 0);
        buf_free(&q);
    }
    screen_free(sc);
    if (r->timer > 0)
        fprintf(r->out, "(Discussion: %d seconds. Start the clock, then enter the votes.)\n",
                r->timer);
    fputs("\nEnter the votes for each option in order (e.g. \"4 2 0\"), or \"pick N\"; also\n"
          "\"fix 4 2 0\" or \"undo\" (the last vote was mistyped), \"rewind N\", \"history\",\n"
          "\"stats\", \"numbers on|off\", \"help\", \"end\".\n",
          r->out);
}

static void show_debrief(TermRoom *r)
{
    Screen *sc = screen_describe(r->s);
    const ScreenEnding *e = sc->ending;
    /* a campaign's chapter: its decisions, numbered on from the chapters before */
    size_t before = room_decision_count(r->room) - sc->n_decisions;
    utf8_fprintf(r->out, "\n== The end%s: %s (%s ending, after %zu decision%s) ==\n",
                 session_next_chapter(r->s) ? " of the chapter" : "", e->title, e->verdict_name,
                 before + sc->n_decisions, before + sc->n_decisions == 1 ? "" : "s");
    fputs(before ? "\nDebrief: the room's road in this chapter\n" : "\nDebrief: the room's road\n",
          r->out);
    for (size_t i = 0; i < sc->n_decisions; i++) {
        const ScreenDecision *d = &sc->decisions[i];
        const RoomTally *t = room_tally(r->room, before + i);
        Buf line = {0};
        buf_printf(&line, "%zu. %s", before + d->number, d->text);
        if (t && t->counts) {
            buf_puts(&line, " (votes");
            for (size_t k = 0; k < t->n; k++)
                buf_printf(&line, " %d", t->counts[k]);
            buf_printf(&line, "%s)", t->tie ? ", tie broken" : "");
        }
        buf_printf(&line, " [%s]", d->changes ? d->changes : "no change");
        if (d->advice_text)
            buf_printf(&line, " (%s)", d->advice_text);
        wrap(r, buf_str(&line), 2);
        buf_free(&line);
        if (d->reply.text)
            wrap(r, d->reply.text, 6);
        if (d->lesson)
            wrap(r, d->lesson, 6);
    }
    if (e->lesson) {
        fputc('\n', r->out);
        wrap(r, e->lesson, 0);
    }
    screen_free(sc);
    Err err;
    if (debrief_write(r->room, NULL, NULL, &err) == 0) {
        fputc('\n', r->out);
        debrief_tell(r->out, r->room);
    } else
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
    if (session_next_chapter(r->s))
        fprintf(r->out, "This ends chapter %zu of %zu. Type \"next\" to go on to the next "
                        "chapter, \"rewind N\" to play the road not taken from decision N, or "
                        "\"end\".\n",
                session_chapter(r->s) + 1, session_root(r->s)->n_chapters);
    else
        fputs("Type \"rewind N\" to play the road not taken from decision N, or \"end\".\n",
              r->out);
}

/* A campaign's next chapter, once the current one has ended: its title, what carried over. */
static void next_chapter(TermRoom *r)
{
    Err err;
    if (!session_next_chapter(r->s)) {
        fputs(game_ended(session_game(r->s)) ? "This is the last chapter: \"rewind N\" or "
                                               "\"end\".\n"
                                             : "The chapter has not ended yet.\n",
              r->out);
        return;
    }
    if (room_advance(r->room, &err) != 0) {
        utf8_fprintf(r->out, "The next chapter cannot start: %s\n", err.msg);
        return;
    }
    const Story *st = session_story(r->s);
    utf8_fprintf(r->out, "\n== Chapter %zu of %zu: %s ==\n", session_chapter(r->s) + 1,
                 session_root(r->s)->n_chapters, st->title);
    /* what carried over: each stat where it starts (and where the chapter before ended), or
     * with numbers hidden the stats' names */
    Screen *sc = screen_describe(r->s);
    Buf line = {0};
    bool told = sc->campaign && sc->campaign->carried && !r->hide_numbers;
    if (told) {
        buf_puts(&line, "Carried over from the chapter before: ");
        buf_puts(&line, sc->campaign->carried);
    } else {
        buf_puts(&line, "The stats carried over:");
    }
    for (size_t i = 0, n = 0; !told && i < sc->n_stats; i++) {
        if (sc->stats[i].hidden)
            continue;
        if (r->hide_numbers)
            buf_printf(&line, "%s %s", n++ ? "," : "", sc->stats[i].label);
        else
            buf_printf(&line, "%s %s %d", n++ ? "," : "", sc->stats[i].label,
                       sc->stats[i].value);
    }
    if (line.len && buf_str(&line)[line.len - 1] != '.')
        buf_puts(&line, ".");
    wrap(r, buf_str(&line), 0);
    buf_free(&line);
    screen_free(sc);
    show_scene(r);
}

/* Rewind to just before decision k (1-based): the road so far goes into the record. */
static void rewind_to(TermRoom *r, long k)
{
    Err err;
    if (k < 1 || room_rewind(r->room, (size_t)k, &err) != 0) {
        utf8_fprintf(r->out, "%s.\n", k < 1 ? "Give the number of a decision" : err.msg);
        return;
    }
    fprintf(r->out, "\nBack to decision %ld. The road you left is kept in the debrief.\n", k);
    show_scene(r);
}

static void show_debrief(TermRoom *r);

static int decide(TermRoom *r, size_t k, const int *counts, bool tie)
{
    size_t n = game_choice_count(session_game(r->s));
    Err err;
    if (room_decide(r->room, k, counts, tie, &err) != 0) {
        utf8_fprintf(stderr, "ladder: scenario error: %s\n", err.msg);
        return 1;
    }
    if (counts) {
        fputs("\nThe room: ", r->out);
        for (size_t i = 0; i < n; i++)
            fprintf(r->out, "%s%d for %zu", i ? ", " : "", counts[i], i + 1);
        fprintf(r->out, ". Option %zu it is%s.\n", k + 1, tie ? " (the facilitator's call)" : "");
    }
    changes_line(r);
    char *note = session_take_notice(r->s);
    free(note); /* the room does not need save notices */
    show_scene(r);
    if (game_ended(session_game(r->s)))
        show_debrief(r);
    return 0;
}

/* The options tied at counts' best, in words: "1 and 2", "1, 3 and 4". */
static void tied_list(Buf *b, const int *counts, size_t n, size_t best)
{
    size_t total = 0, seen = 0;
    for (size_t i = 0; i < n; i++)
        total += counts[i] == counts[best];
    for (size_t i = 0; i < n; i++)
        if (counts[i] == counts[best]) {
            seen++;
            buf_printf(b, "%s%zu", seen == 1 ? "" : seen == total ? " and " : ", ", i + 1);
        }
}

/* What a decision expects, with an example, for the n options shown. */
static void say_expected(TermRoom *r, size_t n)
{
    if (n == 1)
        fputs("Type the number of votes for the one option (e.g. \"12\"), or \"pick 1\".\n",
              r->out);
    else
        fprintf(r->out, "Type the votes for each of the %zu options in order (e.g. \"%s\"), or "
                        "one option's number to pick it (\"pick 2\" or \"2\", from 1 to %zu).\n",
                n, n == 2 ? "4 2" : n == 3 ? "4 2 0" : "4 2 0 1", n);
}

/* Read the vote counts in p (one per option); false when p is not that. */
static bool parse_counts(const char *p, int *counts, size_t n)
{
    size_t got = 0;
    for (const char *q = p; *q;) {
        while (isspace((unsigned char)*q))
            q++;
        if (!*q)
            break;
        char *end;
        long v = strtol(q, &end, 10);
        if (end == q || v < 0 || v > 100000 || got == n)
            return false;
        counts[got++] = (int)v;
        q = end;
    }
    return got == n;
}

/* A line typed at a decision: a pick ("pick N", or a lone number when there is more than one
 * option), or the votes for each option. A total far above the room's size (room_participants:
 * more than a tenth and two over) is questioned first: typed again, or "yes". *stop: the input
 * ended at a question. Returns decide's status (0 when nothing was decided). */
static int vote_line(TermRoom *r, const char *p, bool *stop)
{
    size_t n = game_choice_count(session_game(r->s));
    char *end;
    while (isspace((unsigned char)*p))
        p++;
    bool pick = strncmp(p, "pick", 4) == 0;
    if (pick || (n > 1 && (strtol(p, &end, 10), !*end && strchr(p, ' ') == NULL))) {
        long k = strtol(pick ? p + 4 : p, &end, 10);
        if (*end || k < 1 || (size_t)k > n) {
            fprintf(r->out, "There is no option %s here. ", pick ? p + 4 : p);
            say_expected(r, n);
            return 0;
        }
        return decide(r, (size_t)k - 1, NULL, false);
    }
    int *counts = xcalloc(n, sizeof *counts);
    char again[512];
    for (;;) {
        if (!parse_counts(p, counts, n)) {
            say_expected(r, n);
            free(counts);
            return 0;
        }
        int total = 0, size = room_participants(r->room);
        for (size_t i = 0; i < n; i++)
            total += counts[i];
        if (size <= 0 || total <= size + (size / 10 > 2 ? size / 10 : 2))
            break;
        Buf q = {0};
        buf_printf(&q, "%d votes from a room of %d: type the votes again, or \"yes\" to take "
                       "them: ", total, size);
        bool got = read_line(r, buf_str(&q), again, sizeof again);
        buf_free(&q);
        if (!got || strcmp(again, "end") == 0 || strcmp(again, "quit") == 0) {
            *stop = true;
            free(counts);
            return 0;
        }
        if (strcmp(again, "yes") == 0)
            break;
        p = strncmp(again, "fix", 3) == 0 ? again + 3 : again;
    }
    size_t ties, best = room_winner(counts, n, &ties);
    bool tie = ties > 1;
    if (tie) {
        Buf q = {0}, which = {0};
        tied_list(&which, counts, n, best);
        buf_printf(&q, "A tie between %s. Facilitator, your call: ", buf_str(&which));
        char pick_line[64];
        long v = 0;
        while (read_line(r, buf_str(&q), pick_line, sizeof pick_line)) {
            v = strtol(pick_line, &end, 10);
            if (!*end && v >= 1 && (size_t)v <= n && counts[v - 1] == counts[best])
                break;
            v = 0;
            utf8_fprintf(r->out, "Type the number of one of the options that tied: %s.\n",
                         buf_str(&which));
        }
        buf_free(&q);
        buf_free(&which);
        if (!v) {
            *stop = true;
            free(counts);
            return 0;
        }
        best = (size_t)v - 1;
    }
    int status = decide(r, best, counts, tie);
    free(counts);
    return status;
}

/* `undo`: take back the last decision (a mistyped vote) and show it again. Returns 0, or -1
 * when there was none to take back. */
static int undo_last(TermRoom *r)
{
    Err err;
    size_t n = room_decision_count(r->room);
    if (room_undo(r->room, &err) != 0) {
        utf8_fprintf(r->out, "Nothing to take back: %s.\n", err.msg);
        return -1;
    }
    fprintf(r->out, "\nDecision %zu taken back: its vote is out of the record. Vote again.\n", n);
    show_scene(r);
    return 0;
}

static int room_loop(TermRoom *r)
{
    show_scene(r);
    char line[512];
    int status = 0;
    bool stop = false;
    while (read_line(r, "\nroom> ", line, sizeof line)) {
        const Game *g = session_game(r->s);
        char *p = line;
        while (isspace((unsigned char)*p))
            p++;
        if (!*p)
            continue;
        long k;
        char *end;
        if (strncmp(p, "rewind", 6) == 0) {
            k = strtol(p + 6, &end, 10);
            rewind_to(r, *end ? 0 : k);
        } else if (strcmp(p, "end") == 0 || strcmp(p, "quit") == 0) {
            break;
        } else if (strcmp(p, "history") == 0 || strcmp(p, "stats") == 0) {
            Screen *sc = screen_describe(r->s);
            size_t before = room_decision_count(r->room) - sc->n_decisions;
            /* a campaign: the earlier chapters' decisions too, with the numbers rewind takes */
            for (size_t c = 0, at = 0; p[0] == 'h' && c < session_chapter(r->s); c++) {
                const Game *pg = session_past_game(r->s, c);
                utf8_fprintf(r->out, "Chapter %zu: %s\n", c + 1, game_story(pg)->title);
                for (size_t i = 0; i < game_decision_count(pg); i++)
                    utf8_fprintf(r->out, "  %zu. %s\n", ++at, game_decision(pg, i)->text);
            }
            if (p[0] == 'h' && session_chapter(r->s) > 0)
                utf8_fprintf(r->out, "Chapter %zu: %s\n", session_chapter(r->s) + 1,
                             session_story(r->s)->title);
            for (size_t i = 0; p[0] == 'h' && i < sc->n_decisions; i++)
                utf8_fprintf(r->out, "  %zu. %s\n", before + sc->decisions[i].number,
                             sc->decisions[i].text);
            for (size_t i = 0; p[0] == 's' && i < sc->n_stats; i++)
                if (sc->stats[i].hidden)
                    continue;
                else if (r->hide_numbers)
                    utf8_fprintf(r->out, "  %s\n", sc->stats[i].label);
                else
                    utf8_fprintf(r->out, "  %-28s %3d\n", sc->stats[i].label,
                                 sc->stats[i].value);
            screen_free(sc);
        } else if (strncmp(p, "numbers", 7) == 0) {
            r->hide_numbers = strstr(p, "off") != NULL;
            fprintf(r->out, "Stat numbers %s.\n", r->hide_numbers ? "hidden" : "shown");
        } else if (strcmp(p, "next") == 0) {
            next_chapter(r);
        } else if (game_ended(g)) {
            fputs(session_next_chapter(r->s)
                      ? "The chapter has ended: \"next\", \"rewind N\" or \"end\".\n"
                      : "The story has ended: \"rewind N\" or \"end\".\n",
                  r->out);
        } else if (strcmp(p, "help") == 0) {
            fputs("At a decision: the votes for each option in order (\"4 2 0\"), or \"pick N\".\n"
                  "  fix 4 2 0    the last vote was mistyped: take it back and count these\n"
                  "  undo         take back the last decision and vote it again\n"
                  "  rewind N     go back to decision N to play the road not taken (both\n"
                  "               roads stay in the debrief)\n"
                  "  history      the decisions so far, with the numbers rewind takes\n"
                  "  stats        where the stats stand\n"
                  "  numbers on|off  show or hide the stats' numbers\n"
                  "  next         a campaign's next chapter, once this one has ended\n"
                  "  end          end the session and write the debrief\n",
                  r->out);
        } else if (strncmp(p, "undo", 4) == 0 && !p[4]) {
            undo_last(r);
        } else if (strncmp(p, "fix", 3) == 0 && (!p[3] || isspace((unsigned char)p[3]))) {
            /* the last vote typed again: taken back, then this one in its place */
            if (undo_last(r) == 0 && p[3])
                status |= vote_line(r, p + 3, &stop);
        } else if (game_ended(g)) {
            fputs(session_next_chapter(r->s)
                      ? "The chapter has ended: \"next\", \"rewind N\" or \"end\".\n"
                      : "The story has ended: \"rewind N\" or \"end\".\n",
                  r->out);
        } else {
            status |= vote_line(r, p, &stop);
        }
        if (stop)
            break;
    }
    if (leave_signal())
        fprintf(stderr, "\nladder: leaving on %s, as if you typed end; the debrief keeps the "
                        "room's votes so far.\n",
                leave_signal_name(leave_signal()));
    return status;
}

UiExit term_room(Room *room, const UiConfig *cfg)
{
    TermRoom r = {.room = room, .s = room_session(room), .in = cfg->in, .out = cfg->out,
                  .width = cfg->width, .timer = cfg->room.timer,
                  .hide_numbers = cfg->room.hide_numbers};
    const Story *st = session_story(r.s), *root = session_root(r.s);
    const char *code = room_code(room);
    utf8_fprintf(r.out, "LADDER workshop: %s%s%s\n", root->title, code ? ", session " : "",
                 code ? code : "");
    if (root != st) /* a campaign: the chapter the room is in */
        utf8_fprintf(r.out, "Chapter %zu of %zu: %s\n", session_chapter(r.s) + 1,
                     root->n_chapters, st->title);
    if (st->content_note)
        wrap(&r, st->content_note, 0);
    return room_loop(&r) ? UI_EXIT_SCRIPT_FAILED : UI_EXIT_OK;
}
