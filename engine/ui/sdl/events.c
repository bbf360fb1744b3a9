/* events.c: SDL events to actions: mouse and keys on the last frame's buttons, scrolling,
 * window changes, the room's timer ticks and --watch's reloads; and the event loop, which
 * sleeps in SDL_WaitEvent and draws only when something changed. */
#include <stdio.h>
#include <stdlib.h>

#include "ui/sdl/app.h"

static int button_at(App *a, int x, int y)
{
    SDL_Point p = {(int)((float)x * a->d.scale), (int)((float)y * a->d.scale)};
    for (int i = a->n_buttons - 1; i >= 0; i--)
        if (a->buttons[i].action != A_NONE && SDL_PointInRect(&p, &a->buttons[i].r))
            return i;
    return -1;
}

static void scroll_by(App *a, int dy)
{
    if (a->overlay != OV_NONE)
        a->list_scroll += dy; /* a list overlay that does not fit (overlays.c keeps it in range) */
    else
        a->scroll += dy;
    a->redraw = true;
}

/* A button the keyboard can take: one that acts, or one scrolled out of view (Button). */
static bool focusable(const Button *b)
{
    return b->action != A_NONE || b->off_action != A_NONE;
}

/* Scroll the focused button of the scrolling area wholly into it (the story pane starts under
 * the top bar and, in a narrow window, under the stats: window review, items 1 and 2), a
 * margin clear of its edges; one taller than the area shows its top. */
static void show_focus(App *a)
{
    SDL_Rect v = a->scroll_view;
    int f = a->focus;
    if (a->overlay != OV_NONE || v.h <= 0 || f < a->scroll_first || f >= a->scroll_end)
        return;
    SDL_Rect r = a->buttons[f].r;
    int pad = draw_px(&a->d, 12), top = v.y + pad, bottom = v.y + v.h - pad, dy = 0;
    if (r.y + r.h > bottom)
        dy = r.y + r.h - bottom;
    if (r.y - dy < top)
        dy = r.y - top;
    a->scroll += dy;
}

/* Move the focus to the next (or previous) button the keyboard can take, round the end. */
static void focus_step(App *a, bool back)
{
    int n = a->n_buttons, f = a->focus;
    for (int tries = 0; tries < n; tries++) {
        f = f < 0 || f >= n ? (back ? n - 1 : 0) : (f + (back ? n - 1 : 1)) % n;
        if (focusable(&a->buttons[f])) {
            a->focus = f;
            show_focus(a);
            return;
        }
    }
}

/* Home, End, Page Up and Page Down in a dialog's list (window review, item 7): the first or
 * the last item, or a page of items (as many as show in the list at once) up or down. */
static void focus_jump(App *a, SDL_Keycode sym)
{
    int n = a->n_buttons, first = -1, last = -1, page = 0;
    SDL_Rect v = a->list_view;
    for (int i = 0; i < n; i++) {
        if (!focusable(&a->buttons[i]))
            continue;
        if (first < 0)
            first = i;
        last = i;
        SDL_Rect r = a->buttons[i].r;
        if (r.h > 0 && r.y >= v.y && r.y + r.h <= v.y + v.h)
            page++;
    }
    if (first < 0)
        return;
    if (page < 1)
        page = 1;
    int f = a->focus < 0 ? first : a->focus;
    if (sym == SDLK_HOME)
        f = first;
    else if (sym == SDLK_END)
        f = last;
    else
        f += sym == SDLK_PAGEUP ? -page : page;
    if (f < first)
        f = first;
    if (f > last)
        f = last;
    while (f < last && !focusable(&a->buttons[f]))
        f++;
    a->focus = f;
    a->redraw = true;
}

static void key(App *a, const SDL_KeyboardEvent *k)
{
    SDL_Keycode sym = k->keysym.sym;
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    if (a->s && a->screen->ask_name && a->overlay == OV_NONE && app_name_key(a, k))
        return;
    if (ctrl && (sym == SDLK_PLUS || sym == SDLK_EQUALS || sym == SDLK_KP_PLUS)) {
        app_act(a, A_BIGGER, 0);
        return;
    }
    if (ctrl && (sym == SDLK_MINUS || sym == SDLK_KP_MINUS)) {
        app_act(a, A_SMALLER, 0);
        return;
    }
    if (ctrl && sym == SDLK_z && a->s && a->overlay == OV_NONE) {
        app_act(a, A_UNDO, 0);
        return;
    }
    if (ctrl && sym == SDLK_c) {
        app_copy_text(a);
        return;
    }
    bool shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    if (sym == SDLK_F1 || sym == SDLK_QUESTION || (sym == SDLK_SLASH && shift)) {
        app_act(a, A_HELP, 0);
        return;
    }
    if (a->s && (sym == SDLK_s || sym == SDLK_e)) { /* the stats explained, the endings */
        app_act(a, sym == SDLK_s ? A_STATS_INFO : A_ENDINGS, 0);
        return;
    }
    if (a->room && a->overlay == OV_NONE && (sym == SDLK_RETURN || sym == SDLK_KP_ENTER) &&
        a->focus < 0 && !a->screen->ending) {
        app_act(a, A_DECIDE, 0);
        return;
    }
    switch (sym) {
    case SDLK_F11: app_act(a, A_FULLSCREEN, 0); return;
    case SDLK_ESCAPE:
        if (a->overlay != OV_NONE)
            app_act(a, A_CLOSE, 0);
        else if (a->s)
            app_act(a, A_MENU, 0);
        else /* the title: ask, as the window's close button is the quick way out */
            app_confirm(a, "Quit Ladder?",
                        "Every game is saved as it is played: Continue takes you back to it.",
                        "Quit", A_QUIT, 0);
        a->redraw = true;
        return;
    case SDLK_UP:
    case SDLK_DOWN:
    case SDLK_TAB:
        focus_step(a, sym == SDLK_UP || (sym == SDLK_TAB && (k->keysym.mod & KMOD_SHIFT)));
        a->redraw = true;
        return;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        if (a->focus >= 0 && a->focus < a->n_buttons) { /* (scrolled into view by now) */
            const Button *b = &a->buttons[a->focus];
            app_act(a, b->action != A_NONE ? b->action : b->off_action, b->arg);
        }
        return;
    case SDLK_PAGEUP:
    case SDLK_PAGEDOWN:
    case SDLK_HOME:
    case SDLK_END:
        if (a->list_view.h > 0 && a->overlay != OV_NONE) { /* a dialog's list: move the focus */
            focus_jump(a, sym);
            return;
        }
        break;
    default: break;
    }
    switch (sym) {
    case SDLK_PAGEUP: scroll_by(a, -a->pane_h * 9 / 10); return;
    case SDLK_PAGEDOWN: scroll_by(a, a->pane_h * 9 / 10); return;
    case SDLK_HOME: scroll_by(a, -a->content_h); return;
    case SDLK_END: scroll_by(a, a->content_h); return;
    default: break;
    }
    if (a->room && a->overlay == OV_NONE && !a->screen->ending) {
        if (sym >= SDLK_1 && sym <= SDLK_9) {
            int n = (int)(sym - SDLK_1);
            if ((size_t)n < a->screen->n_available)
                app_act(a, (k->keysym.mod & KMOD_SHIFT) ? A_VOTE_DOWN : A_VOTE_UP, n);
            return;
        }
        if (sym == SDLK_t) {
            app_act(a, A_TIMER, 0);
            return;
        }
    }
    if (a->room && a->overlay == OV_NONE && sym == SDLK_r) {
        app_act(a, A_TIMELINE, 0);
        return;
    }
    if (sym >= SDLK_1 && sym <= SDLK_9) {
        int n = (int)(sym - SDLK_1);
        if (a->overlay == OV_SLOTS) {
            app_act(a, A_SLOT, n);
        } else if (a->overlay != OV_NONE) {
            return;
        } else if (a->s) {
            app_act(a, A_CHOOSE, n);
        } else if ((size_t)n < a->cat->n) {
            app_act(a, A_STORY, n);
        }
    }
}

/* --watch: a thread waits on the story's files and posts an event when they change. */
static int watcher(void *data)
{
    App *a = data;
    while (!SDL_AtomicGet(&a->stop_watching)) {
        if (watch_changed(a->watch, 250)) {
            SDL_Event e = {.type = a->reload_event};
            SDL_PushEvent(&e);
        }
    }
    return 0;
}

static void reload_story(App *a)
{
    Err err;
    if (session_reload(a->s, &err) != 0) {
        char *msg = xasprintf("The story changed but does not load; the game goes on with the last "
                              "version that did.\n\n%s", err.msg);
        app_show_error(a, msg);
        free(msg);
    } else {
        app_history_build(a);
        app_after_change(a);
        free(a->status);
        const char *n = a->screen->notice;
        a->status = xasprintf("*The story changed: reloaded.*%s%s", n ? " " : "", n ? n : "");
        if (a->overlay == OV_ERROR)
            a->overlay = OV_NONE;
    }
    a->redraw = true;
}

static void event(App *a, const SDL_Event *e)
{
    if (a->room && e->type == a->tick_event) {
        if (!a->timer_on || SDL_GetTicks() > a->timer_end + 1000) { /* stop ticking */
            SDL_RemoveTimer(a->timer);
            a->timer = 0;
        }
        a->redraw = true;
        return;
    }
    if (a->toast_event && e->type == a->toast_event) {
        if (a->toast && SDL_TICKS_PASSED(SDL_GetTicks(), a->toast_until)) {
            free(a->toast);
            a->toast = NULL;
            a->redraw = true;
        }
        return;
    }
    if (a->watch && e->type == a->reload_event) {
        reload_story(a);
        return;
    }
    switch (e->type) {
    case SDL_QUIT:
        a->done = true;
        a->result = a->s ? 0 : 1;
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            e->window.event == SDL_WINDOWEVENT_MOVED) {
            if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                app_anchor_view(a); /* keep the reading position (issue 16, item 5) */
            app_update_size(a);
            a->redraw = true;
        } else if (e->window.event == SDL_WINDOWEVENT_EXPOSED) {
            a->redraw = true;
        }
        break;
    case SDL_MOUSEMOTION: {
        if (a->dragging) {
            app_scrollbar_drag(a, (int)((float)e->motion.y * a->d.scale));
            break;
        }
        int h = button_at(a, e->motion.x, e->motion.y);
        if (h != a->hover) {
            a->hover = h;
            a->redraw = true;
        }
        break;
    }
    case SDL_MOUSEBUTTONDOWN: {
        SDL_Point p = {(int)((float)e->button.x * a->d.scale),
                       (int)((float)e->button.y * a->d.scale)};
        if (e->button.button != SDL_BUTTON_LEFT)
            break;
        if (a->overlay == OV_NONE && SDL_PointInRect(&p, &a->scroll_track))
            app_scrollbar_press(a, p.y);
        else /* a click is a press and a release on the same button */
            a->pressed = button_at(a, e->button.x, e->button.y);
        break;
    }
    case SDL_MOUSEBUTTONUP:
        if (a->dragging) {
            a->dragging = false;
            a->redraw = true;
            break;
        }
        if (e->button.button == SDL_BUTTON_LEFT) {
            int b = button_at(a, e->button.x, e->button.y);
            if (b >= 0 && a->pressed == b)
                app_act(a, a->buttons[b].action, a->buttons[b].arg);
            a->pressed = -1;
        }
        break;
    case SDL_MOUSEWHEEL: {
        int mx, my;
        SDL_GetMouseState(&mx, &my);
        SDL_Point p = {(int)((float)mx * a->d.scale), (int)((float)my * a->d.scale)};
        int dy = -e->wheel.y * draw_line_height(&a->d, ROLE_BODY) * 3;
        if (a->overlay == OV_NONE && SDL_PointInRect(&p, &a->panel_view)) {
            a->panel_scroll += dy; /* the side panel's stats (stats.c keeps it in range) */
            a->redraw = true;
        } else {
            scroll_by(a, dy);
        }
        break;
    }
    case SDL_KEYDOWN: key(a, &e->key); break;
    case SDL_TEXTINPUT:
        if (a->s && a->screen->ask_name && a->overlay == OV_NONE)
            app_name_text(a, e->text.text);
        break;
    default: break;
    }
}

/* Draw when needed, otherwise sleep until the next event. */
void app_run(App *a)
{
    a->done = false;
    a->redraw = true;
    while (!a->done) {
        if (a->redraw) {
            a->redraw = false;
            app_render(a);
            if (a->cfg->window.frames > 0 && !a->done) { /* --frames: keep drawing */
                a->redraw = true;
                SDL_Event e; /* what came meanwhile (the rendering tests' keys) */
                while (!a->done && SDL_PollEvent(&e))
                    event(a, &e);
            }
            continue;
        }
        SDL_Event e;
        if (!SDL_WaitEvent(&e))
            break;
        event(a, &e);
        while (!a->done && SDL_PollEvent(&e)) /* take what queued up before drawing again */
            event(a, &e);
    }
}

void app_watch_start(App *a, const char *dir)
{
    Err err;
    a->watch = watch_open(dir, &err);
    if (!a->watch) {
        fprintf(stderr, "ladder: --watch: %s\n", err.msg);
    } else {
        a->reload_event = SDL_RegisterEvents(1);
        SDL_AtomicSet(&a->stop_watching, 0);
        a->watcher = SDL_CreateThread(watcher, "watch", a);
    }
}

void app_watch_stop(App *a)
{
    if (a->watcher) {
        SDL_AtomicSet(&a->stop_watching, 1);
        SDL_WaitThread(a->watcher, NULL);
        a->watcher = NULL;
    }
    watch_free(a->watch);
    a->watch = NULL;
}
