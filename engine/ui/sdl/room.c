/* room.c: the window's room mode (a workshop on a projector): the question for the room, the
 * options with vote counters, and what the facilitator's buttons and keys do: vote, decide,
 * pick or break a tie, run the discussion timer, rewind, go on to a campaign's next chapter,
 * end the session. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/debrief.h"
#include "ui/sdl/app.h"

/* Room mode: the question for the room, then each option with its vote counter. */
int app_room_choices(App *a, int x, int y0, int w, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Screen *sc = a->screen;
    const int *votes = sc->room->votes;
    int y = y0, pad = draw_px(d, 14);
    if (sc->discuss) {
        char *q = xasprintf("**For the room:** %s", sc->discuss);
        int h = draw_text(d, ROLE_BODY, q, 0, 0, w - 2 * pad, t->text, false);
        if (render) {
            draw_fill(d, (SDL_Rect){x, y, w, h + 2 * pad}, t->panel);
            draw_fill(d, (SDL_Rect){x, y, draw_px(d, 5), h + 2 * pad}, t->accent);
            draw_text(d, ROLE_BODY, q, x + pad, y + pad, w - 2 * pad, t->text, true);
        }
        free(q);
        y += h + 2 * pad + draw_px(d, 16);
    }
    int bw = draw_px(d, 52), total = 0;
    for (size_t i = 0; i < sc->n_available && i < 64; i++)
        total += votes[i];
    for (size_t i = 0; i < sc->n_available && i < 64; i++) {
        char badge[24];
        snprintf(badge, sizeof badge, "%zu", i + 1);
        int tw = w - 3 * bw - draw_px(d, 24);
        int h = app_button(a, x, y, tw, badge, sc->choices[i].text.text, ROLE_BODY, A_PICK,
                           (int)i, render);
        if (render) {
            int by = y + (h - bw) / 2, bx = x + tw + draw_px(d, 12);
            app_small_button(a, (SDL_Rect){bx, by, bw, bw}, "\u2212", A_VOTE_DOWN, (int)i);
            char num[24];
            snprintf(num, sizeof num, "%d", votes[i]);
            int nw = draw_label(d, ROLE_HEADING, STYLE_BOLD, num, 0, 0, t->text, false, NULL);
            int nh = draw_line_height(d, ROLE_HEADING);
            draw_label(d, ROLE_HEADING, STYLE_BOLD, num, bx + bw + (bw - nw) / 2, y + (h - nh) / 2,
                       votes[i] ? t->accent : t->dim, true, NULL);
            app_small_button(a, (SDL_Rect){bx + 2 * bw, by, bw, bw}, "+", A_VOTE_UP, (int)i);
        }
        y += h + draw_px(d, 10);
    }
    char *go = total ? xasprintf("**Take the room's choice** (%d votes; Enter)", total)
                     : xstrdup("*Type the votes with the number keys (Shift to take one back), "
                               "or click an option to pick it.*");
    if (total)
        y += app_button(a, x, y, w, NULL, go, ROLE_BODY, A_DECIDE, 0, render) + draw_px(d, 10);
    else
        y += draw_text(d, ROLE_SMALL, go, x, y, w, t->dim, render) + draw_px(d, 10);
    free(go);
    return y - y0;
}

int app_room_clock(App *a, int x, int y, int w, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int total = a->cfg->room.timer;
    if (!a->room || total <= 0 || a->screen->ending)
        return 0;
    int secs = total;
    if (a->timer_on) {
        Uint32 now = SDL_GetTicks();
        secs = now >= a->timer_end ? 0 : (int)((a->timer_end - now + 999) / 1000);
    }
    bool up = a->timer_on && secs == 0;
    const char *label = up ? "Time is up" : a->timer_on ? "Discussion" : "Press T to start";
    char digits[32], *caption = xasprintf("**%s**", label);
    snprintf(digits, sizeof digits, "%d:%02d", secs / 60, secs % 60);
    /* high contrast: the text colour on the page, or the page's colour on the alert */
    SDL_Color ink = up ? t->bg : t->text, box = up ? t->bad : t->bg;
    int pad = draw_px(d, 12);
    TextRole role = ROLE_CLOCK, cap_role = up ? ROLE_HEADING : ROLE_BODY;
    int dh, dw = draw_label(d, role, STYLE_BOLD, digits, 0, 0, ink, false, &dh);
    if (dw > w - 2 * pad) { /* a narrow panel: the largest type that fits */
        role = ROLE_TITLE;
        dw = draw_label(d, role, STYLE_BOLD, digits, 0, 0, ink, false, &dh);
    }
    int ch = draw_text(d, cap_role, caption, 0, 0, w - 2 * pad, ink, false);
    int h = pad + ch + dh + pad;
    if (render) {
        SDL_Rect r = {x, y, w, h};
        draw_fill(d, r, box);
        draw_frame(d, r, up ? t->bad : a->timer_on ? t->accent : t->button_border,
                   draw_px(d, a->timer_on ? 3 : 1));
        draw_text(d, cap_role, caption, x + pad, y + pad, w - 2 * pad, ink, true);
        int dx = x + (w - dw) / 2;
        draw_label(d, role, STYLE_BOLD, digits, dx, y + pad + ch, ink, true, NULL);
        a->clock = r;
        a->clock_digits = (SDL_Rect){dx, y + pad + ch, dw, dh};
        a->clock_label = label;
    }
    free(caption);
    return h;
}

/* Room mode: the discussion timer ticks as an event, so the clock redraws while it runs. */
static Uint32 tick(Uint32 interval, void *data)
{
    App *a = data;
    SDL_Event e = {.type = a->tick_event};
    SDL_PushEvent(&e);
    return interval;
}

/* Room mode: take option k, recording the votes when counted; write the debrief at the end. */
static void room_choose(App *a, size_t k, bool counted, bool tie)
{
    if (k >= a->screen->n_available)
        return;
    char *text = xstrdup(a->screen->text.text);
    Err err;
    int rc = room_decide(a->room, k, counted ? a->votes : NULL, tie, &err);
    if (rc != 0) {
        free(text);
        if (rc == STATUS_FAILED)
            app_show_error(a, err.msg);
        return;
    }
    app_history_add(a, text);
    memset(a->votes, 0, sizeof a->votes);
    a->timer_on = false;
    free(a->status);
    a->status = NULL;
    app_after_change(a); /* the room shows no notices */
    if (a->screen->ending) {
        const char *md, *html;
        if (debrief_write(a->room, &md, &html, &err) == 0) {
            char *handout = debrief_handout_path(a->room);
            a->status = xasprintf("The debrief is written: %s and %s; the participants' "
                                  "handout to print: %s", md, html, handout);
            free(handout);
        } else {
            app_show_error(a, err.msg);
        }
    }
}

/* A campaign room: the next chapter, once this one has ended (room_advance: journaled, the
 * stats carried over, decisions numbered on). */
static void next_chapter(App *a)
{
    Err err;
    if (room_advance(a->room, &err) != 0) {
        app_show_error(a, err.msg);
        return;
    }
    app_history_free(a);
    memset(a->votes, 0, sizeof a->votes);
    a->timer_on = false;
    free(a->status);
    a->status = NULL;
    app_after_change(a);
    a->scroll = 0;
}

static void vote(App *a, int option, int by)
{
    if (option >= 0 && option < 64) {
        a->votes[option] += by;
        if (a->votes[option] < 0)
            a->votes[option] = 0;
    }
}

/* Take the option with most votes; a tie opens the facilitator's tie-break. */
static void decide(App *a)
{
    size_t n = a->screen->n_available, ties;
    size_t best = room_winner(a->votes, n, &ties);
    if (a->votes[best] == 0)
        return;
    if (ties > 1) {
        a->overlay = OV_TIE;
        a->focus = 0;
        return;
    }
    room_choose(a, best, true, false);
}

/* Take an option without counting (no votes typed), or with the votes, or to break a tie. */
static void pick(App *a, int option)
{
    bool tie = a->overlay == OV_TIE;
    a->overlay = OV_NONE;
    int total = 0;
    for (int i = 0; i < 64; i++)
        total += a->votes[i];
    room_choose(a, (size_t)option, tie || total > 0, tie);
}

static void start_timer(App *a)
{
    if (a->cfg->room.timer > 0) {
        a->timer_on = true;
        a->timer_end = SDL_GetTicks() + (Uint32)a->cfg->room.timer * 1000u;
        if (!a->timer)
            a->timer = SDL_AddTimer(250, tick, a);
    }
}

/* Back to before decision (1-based); the road left is kept for the debrief. */
static void rewind_to(App *a, int decision)
{
    Err err;
    a->overlay = OV_NONE;
    if (room_rewind(a->room, (size_t)decision, &err) != 0) {
        app_show_error(a, err.msg);
    } else {
        app_history_build(a);
        memset(a->votes, 0, sizeof a->votes);
        app_set_status(a, "Back to decision %d. The road you left is kept in the debrief.",
                       decision);
        app_after_change(a);
    }
}

bool app_room_act(App *a, int action, int arg)
{
    switch (action) {
    case A_VOTE_UP:
    case A_VOTE_DOWN: vote(a, arg, action == A_VOTE_UP ? 1 : -1); return true;
    case A_DECIDE: decide(a); return true;
    case A_PICK: pick(a, arg); return true;
    case A_TIMER: start_timer(a); return true;
    case A_REWIND: rewind_to(a, arg); return true;
    case A_NEXT: next_chapter(a); return true;
    case A_END_ROOM:
        a->overlay = OV_NONE;
        a->done = true;
        a->result = 0;
        return true;
    default: return false;
    }
}
