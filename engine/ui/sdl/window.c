/* window.c: the window's life: opened once (by the title menu, a game or a room) and kept until
 * shutdown; one frame drawn (and written to --screenshot); the front end's entry points; and
 * the hooks the rendering tests read the last frame through (sdl_test.h). */
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/sdl/app.h"
#include "ui/sdl/sdl_test.h"
#include "ui/sdl/wm.h"

static App *app; /* the one window, from open_app to sdl_shutdown */
static void (*frame_hook)(int frame, void *ud); /* the tests' (sdl_test.h) */
static void *frame_hook_ud;

bool ui_sdl_available(Err *err)
{
    const char *drv = getenv("SDL_VIDEODRIVER");
    if (!(drv && *drv) && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY")) {
        err_set(err, "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        return false;
    }
    if (SDL_WasInit(SDL_INIT_VIDEO))
        return true;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        err_set(err, "cannot open a window: %s", SDL_GetError());
        return false;
    }
    return true;
}

static SDL_Surface *make_icon(void)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    SDL_FillRect(s, NULL, SDL_MapRGBA(s->format, 0, 0, 0, 0));
    SDL_Rect bg = {4, 4, 56, 56};
    SDL_FillRect(s, &bg, SDL_MapRGBA(s->format, 150, 68, 40, 255));
    Uint32 cream = SDL_MapRGBA(s->format, 247, 243, 235, 255);
    SDL_Rect rails[2] = {{18, 10, 6, 44}, {40, 10, 6, 44}};
    SDL_FillRects(s, rails, 2, cream);
    for (int i = 0; i < 4; i++) {
        SDL_Rect rung = {24, 16 + i * 10, 16, 4};
        SDL_FillRect(s, &rung, cream);
    }
    return s;
}

void app_update_size(App *a)
{
    int ww, wh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
    float scale = ww > 0 ? (float)a->w / (float)ww : 1.0f;
    Err err;
    if (draw_resize(&a->d, a->set.text_size, scale, &err) != 0)
        fprintf(stderr, "ladder: %s\n", err.msg);
    if (!a->set.fullscreen) {
        a->set.w = ww;
        a->set.h = wh;
        SDL_GetWindowPosition(a->win, &a->set.x, &a->set.y);
        a->set.has_pos = true;
    }
}

/* Fullscreen (issue 16, item 13): SDL asks the window manager for it; with none (a bare X
 * server, a kiosk) nobody answers, SDL takes the display's size as the window's while the
 * window keeps its own, and the page was laid out for 1920x1080 inside a 1280x800 window
 * until the next resize. Without a window manager, fullscreen is a borderless window moved
 * and sized to the display, and off restores the window as it was. */
void app_set_fullscreen(App *a, bool on)
{
    SDL_Rect bounds;
    bool have = SDL_GetDisplayBounds(SDL_GetWindowDisplayIndex(a->win), &bounds) == 0;
    if (on && !a->fake_fullscreen && have && !wm_runs(a->win)) {
        SDL_GetWindowPosition(a->win, &a->windowed.x, &a->windowed.y);
        SDL_GetWindowSize(a->win, &a->windowed.w, &a->windowed.h);
        SDL_SetWindowBordered(a->win, SDL_FALSE);
        SDL_SetWindowPosition(a->win, bounds.x, bounds.y);
        SDL_SetWindowSize(a->win, bounds.w, bounds.h);
        a->fake_fullscreen = true;
    } else if (!on && a->fake_fullscreen) {
        SDL_SetWindowBordered(a->win, SDL_TRUE);
        SDL_SetWindowSize(a->win, a->windowed.w, a->windowed.h);
        SDL_SetWindowPosition(a->win, a->windowed.x, a->windowed.y);
        a->fake_fullscreen = false;
    } else if (!a->fake_fullscreen) {
        if (on && have) /* some window managers keep the window's corner */
            SDL_SetWindowPosition(a->win, bounds.x, bounds.y);
        SDL_SetWindowFullscreen(a->win, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    }
    app_update_size(a);
}

static App *open_app(const UiConfig *cfg, Err *err)
{
    if (app) {
        app->cfg = cfg;
        return app;
    }
    if (!ui_sdl_available(err))
        return NULL;
    if (TTF_Init() != 0) {
        err_set(err, "cannot start SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    App *a = xcalloc(1, sizeof *a);
    a->cfg = cfg;
    a->hover = a->focus = -1;
    a->pressed = -1;
    settings_default(&a->set);
    a->warning = settings_load(&a->set);
    /* a remembered size larger than any screen (or a damaged one) is cut down to 4K or the
     * display, whichever is larger */
    SDL_Rect usable = {0, 0, 3840, 2160};
    SDL_Rect disp;
    if (SDL_GetDisplayUsableBounds(0, &disp) == 0) {
        usable.w = disp.w > usable.w ? disp.w : usable.w;
        usable.h = disp.h > usable.h ? disp.h : usable.h;
    }
    if (a->set.w > usable.w)
        a->set.w = usable.w;
    if (a->set.h > usable.h)
        a->set.h = usable.h;
    /* opened as a window, then made fullscreen (app_set_fullscreen), which copes with no
     * window manager */
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    int x = a->set.has_pos ? a->set.x : (int)SDL_WINDOWPOS_CENTERED;
    int y = a->set.has_pos ? a->set.y : (int)SDL_WINDOWPOS_CENTERED;
    a->win = SDL_CreateWindow("Ladder", x, y, a->set.w, a->set.h, flags);
    if (!a->win) {
        err_set(err, "cannot open a window: %s", SDL_GetError());
        free(a);
        return NULL;
    }
    SDL_SetWindowMinimumSize(a->win, 480, 360);
    SDL_Surface *icon = make_icon();
    if (icon) {
        SDL_SetWindowIcon(a->win, icon);
        SDL_FreeSurface(icon);
    }
    a->ren = SDL_CreateRenderer(a->win, -1, 0);
    if (!a->ren)
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    if (!a->ren) {
        err_set(err, "cannot draw in the window: %s", SDL_GetError());
        SDL_DestroyWindow(a->win);
        free(a);
        return NULL;
    }
    int ww, wh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
    if (draw_open(&a->d, a->ren, a->set.text_size, ww > 0 ? (float)a->w / (float)ww : 1.0f,
                  &THEMES[a->set.theme % 3], err) != 0) {
        SDL_DestroyRenderer(a->ren);
        SDL_DestroyWindow(a->win);
        free(a);
        return NULL;
    }
    app = a;
    if (a->set.fullscreen)
        app_set_fullscreen(a, true);
    return a;
}

static void sdl_shutdown(void)
{
    App *a = app;
    if (!a)
        return;
    Err err;
    if (!a->cfg || (!a->cfg->window.screenshot && a->cfg->window.frames == 0))
        settings_save(&a->set, &err); /* a failure here costs only the window geometry */
    app_history_free(a);
    free(a->error);
    free(a->overlay_text);
    free(a->toast);
    free(a->confirm_title);
    free(a->confirm_text);
    free(a->confirm_yes);
    free(a->status);
    free(a->warning);
    free(a->cont_path);
    free(a->cont_title);
    draw_close(&a->d);
    SDL_DestroyRenderer(a->ren);
    SDL_DestroyWindow(a->win);
    free(a);
    app = NULL;
    TTF_Quit();
    SDL_Quit();
}

/* An SDL_RWops that appends what is written to a Buf (hidden->unknown.data1). */
static size_t SDLCALL buf_rw_write(SDL_RWops *rw, const void *p, size_t size, size_t n)
{
    buf_add(rw->hidden.unknown.data1, p, size * n);
    return n;
}

/* The frame as a PNG file, written atomically (the temporary is renamed into place). */
static int save_png(SDL_Surface *s, const char *path, Err *err)
{
    Buf b = {0};
    SDL_RWops *rw = SDL_AllocRW();
    if (!rw) {
        err_set(err, "cannot write %s: %s", path, SDL_GetError());
        return -1;
    }
    rw->type = SDL_RWOPS_UNKNOWN;
    rw->write = buf_rw_write;
    rw->hidden.unknown.data1 = &b;
    int rc = IMG_SavePNG_RW(s, rw, 0);
    SDL_FreeRW(rw);
    if (rc != 0)
        err_set(err, "cannot write %s: %s", path, IMG_GetError());
    else
        rc = write_file_atomic(path, b.s ? b.s : "", b.len, err);
    buf_free(&b);
    return rc;
}

static void screenshot(App *a)
{
    Err err;
    unsigned char *rgb = xmalloc((size_t)a->w * (size_t)a->h * 3);
    SDL_Surface *s = NULL;
    if (SDL_RenderReadPixels(a->ren, NULL, SDL_PIXELFORMAT_RGB24, rgb, a->w * 3) != 0) {
        fprintf(stderr, "ladder: cannot read the frame: %s\n", SDL_GetError());
        a->result = 1;
    } else if (!(s = SDL_CreateRGBSurfaceWithFormatFrom(rgb, a->w, a->h, 24, a->w * 3,
                                                         SDL_PIXELFORMAT_RGB24))) {
        fprintf(stderr, "ladder: cannot write %s: %s\n", a->cfg->window.screenshot,
                SDL_GetError());
        a->result = 1;
    } else if (util_str_ends_with(a->cfg->window.screenshot, ".bmp")) {
        if (SDL_SaveBMP(s, a->cfg->window.screenshot) != 0) {
            fprintf(stderr, "ladder: cannot write %s: %s\n", a->cfg->window.screenshot,
                    SDL_GetError());
            a->result = 1;
        }
    } else if (save_png(s, a->cfg->window.screenshot, &err) != 0) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        a->result = 1;
    }
    SDL_FreeSurface(s);
    free(rgb);
}

/* The screen, then the open overlay (whose buttons alone act). */
void app_render(App *a)
{
    const Theme *t = a->d.theme;
    SDL_SetRenderDrawColor(a->ren, t->bg.r, t->bg.g, t->bg.b, 255);
    SDL_RenderClear(a->ren);
    a->n_buttons = 0;
    a->d.n_drawn = a->d.n_split = 0;
    a->column = a->clock = a->clock_digits = (SDL_Rect){0, 0, 0, 0};
    a->scroll_track = a->scroll_thumb = a->choices_cue = a->panel_view = (SDL_Rect){0, 0, 0, 0};
    a->scroll_view = (SDL_Rect){0, 0, 0, 0};
    a->scroll_first = a->scroll_end = 0;
    a->clock_label = NULL;
    a->inactive = a->overlay != OV_NONE;
    if (a->s && a->screen->ask_name)
        app_name_screen(a);
    else if (a->s)
        app_game_screen(a);
    else
        app_title_screen(a);
    a->inactive = false;
    if (a->overlay != OV_NONE)
        a->n_buttons = 0; /* only the overlay's buttons act */
    app_draw_overlay(a);
    if (a->overlay == OV_NONE) /* never over a dialog (window review, item 3): it waits */
        app_draw_toast(a);
    else
        a->toast_box = (SDL_Rect){0, 0, 0, 0};
    if (a->focus >= a->n_buttons)
        a->focus = a->n_buttons - 1;
    a->frames_drawn++;
    if (a->cfg->window.screenshot && a->frames_drawn == 1) {
        screenshot(a);
        a->done = true;
    }
    if (frame_hook)
        frame_hook(a->frames_drawn, frame_hook_ud);
    SDL_RenderPresent(a->ren);
    if (a->cfg->window.frames > 0 && a->frames_drawn >= a->cfg->window.frames)
        a->done = true;
}

/* Put a warning from opening the window in front of the status line, once. */
static void take_warning(App *a)
{
    if (!a->warning)
        return;
    char *both = a->status ? xasprintf("%s\n%s", a->warning, a->status) : xstrdup(a->warning);
    free(a->status);
    a->status = both;
    free(a->warning);
    a->warning = NULL;
}

static int sdl_menu(const Catalog *c, const UiConfig *cfg, MenuPick *pick)
{
    Err err;
    App *a = open_app(cfg, &err);
    if (!a) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    a->cat = c;
    a->pick = pick;
    a->s = NULL;
    SDL_SetWindowTitle(a->win, "Ladder");
    a->overlay = OV_NONE;
    a->hover = a->focus = -1;
    free(a->cont_path);
    free(a->cont_title);
    a->cont_path = a->cont_title = NULL;
    char *when = NULL;
    a->can_continue = ui_find_latest_autosave(c, &a->cont_path, &a->cont_title, &when);
    free(when);
    if (cfg->notice) {
        free(a->status);
        a->status = xstrdup(cfg->notice);
    }
    take_warning(a);
    a->result = 1;
    app_run(a);
    app_slots_free(a);
    if (cfg->window.screenshot || cfg->window.frames > 0)
        return 1;
    return a->result;
}

static UiExit sdl_play(Session *s, const UiConfig *cfg)
{
    Err err;
    App *a = open_app(cfg, &err);
    if (!a) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    a->s = s;
    a->overlay = OV_NONE;
    a->hover = a->focus = -1;
    app_history_build(a);
    app_after_change(a);
    free(a->status);
    a->status = a->screen->notice ? xstrdup(a->screen->notice) : NULL;
    const Story *st = session_story(s);
    if (!a->status && a->screen->n_decisions == 0 && st->content_note)
        a->status = xasprintf("**Content note:** %s", st->content_note);
    take_warning(a);
    a->result = 0;
    if (cfg->watch)
        app_watch_start(a, session_root(s)->path);
    app_run(a);
    app_watch_stop(a);
    int rc = a->result;
    app_slots_free(a);
    app_history_free(a);
    app_screen_free(a);
    a->s = NULL;
    return rc;
}

static UiExit sdl_room(Room *r, const UiConfig *cfg)
{
    Err err;
    App *a = open_app(cfg, &err);
    if (!a) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    Settings saved = a->set;
    a->room = r;
    a->s = room_session(r);
    a->tick_event = SDL_RegisterEvents(1);
    memset(a->votes, 0, sizeof a->votes);
    /* projector-friendly: large type, fullscreen, numbers as asked */
    if (a->set.text_size < 28)
        a->set.text_size = 28;
    a->set.show_numbers = !cfg->room.hide_numbers;
    if (!cfg->window.screenshot && cfg->window.frames == 0 && !a->set.fullscreen) {
        a->set.fullscreen = true;
        app_set_fullscreen(a, true);
    }
    app_update_size(a);
    a->overlay = OV_NONE;
    a->hover = a->focus = -1;
    free(a->status);
    a->status = cfg->room.timer > 0 ? xasprintf("*Press T to start %d seconds of discussion.*",
                                           cfg->room.timer)
                               : NULL;
    app_history_build(a);
    app_after_change(a);
    app_run(a);
    if (a->timer)
        SDL_RemoveTimer(a->timer);
    a->timer = 0;
    int rc = a->result;
    app_history_free(a);
    app_screen_free(a);
    a->room = NULL;
    a->s = NULL;
    /* the room's size and fullscreen are not the player's settings */
    saved.w = a->set.w;
    saved.h = a->set.h;
    if (a->set.fullscreen && !saved.fullscreen)
        app_set_fullscreen(a, false);
    a->set = saved;
    return rc;
}

static void rect4(SDL_Rect r, int out[4])
{
    out[0] = r.x;
    out[1] = r.y;
    out[2] = r.w;
    out[3] = r.h;
}

void ui_sdl_frame(UiSdlFrame *f)
{
    memset(f, 0, sizeof *f);
    if (!app)
        return;
    f->w = app->w;
    f->h = app->h;
    f->column_x = app->column.x;
    f->column_y = app->column.y;
    f->column_w = app->column.w;
    f->column_h = app->column.h;
    f->buttons = app->buttons;
    f->n_buttons = app->n_buttons;
    f->texts = app->d.drawn;
    f->n_texts = (int)app->d.n_drawn;
    f->splits = app->d.split;
    f->n_splits = (int)app->d.n_split;
    f->focus = app->focus;
    SDL_Rect l = app->list_view, c = app->clock, g = app->clock_digits;
    f->list_x = l.x, f->list_y = l.y, f->list_w = l.w, f->list_h = l.h;
    f->clock_x = c.x, f->clock_y = c.y, f->clock_w = c.w, f->clock_h = c.h;
    f->digits_x = g.x, f->digits_y = g.y, f->digits_w = g.w, f->digits_h = g.h;
    f->clock_label = app->clock_label;
    SDL_Rect tb = app->toast_box;
    f->toast_x = tb.x, f->toast_y = tb.y, f->toast_w = tb.w, f->toast_h = tb.h;
    rect4(app->choices_cue, f->cue);
    rect4(app->scroll_thumb, f->thumb);
    rect4(app->panel_view, f->panel);
    f->overlay = app->overlay != OV_NONE;
    f->overlay_text = app->overlay_text;
    f->top_block = app->s && app->content_h > 0 ? (int)app_block_at(app, app->scroll) : -1;
}

const char *ui_sdl_history_text(size_t i)
{
    return app && app->s && i < app->n_hist ? app_history_text(app, i) : NULL;
}

int ui_sdl_history_y(size_t i)
{
    if (!app || !app->s || i >= app->n_hist)
        return SDL_MIN_SINT32;
    return app->hist_y0 + app_history_top(app, i);
}

void ui_sdl_on_frame(void (*hook)(int frame, void *ud), void *ud)
{
    frame_hook = hook;
    frame_hook_ud = ud;
}

SDL_Surface *ui_sdl_frame_pixels(void)
{
    if (!app)
        return NULL;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, app->w, app->h, 24, SDL_PIXELFORMAT_RGB24);
    if (s && SDL_RenderReadPixels(app->ren, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch) != 0) {
        SDL_FreeSurface(s);
        s = NULL;
    }
    return s;
}


void ui_sdl_frame_button(const UiSdlFrame *f, int i, int r[4])
{
    rect4(((const Button *)f->buttons)[i].r, r);
}

void ui_sdl_frame_text(const UiSdlFrame *f, int i, int r[4])
{
    rect4(((const SDL_Rect *)f->texts)[i], r);
}

void ui_sdl_frame_split(const UiSdlFrame *f, int i, int r[4])
{
    rect4(((const SDL_Rect *)f->splits)[i], r);
}

const Frontend ui_sdl = {.name = "sdl", .summary = "a window (the default when a display is available)",
                         .caps = UI_CAP_MENU | UI_CAP_ROOM | UI_CAP_WINDOW | UI_CAP_MENU_NOTICE,
                         .available = ui_sdl_available, .play = sdl_play, .menu = sdl_menu,
                         .shutdown = sdl_shutdown, .room = sdl_room};
