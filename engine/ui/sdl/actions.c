/* actions.c: what a button or key does (enum Action in app.h): choose, move between the title
 * and the game, open and close overlays, change settings. The slot and room actions live with
 * their lists (slots.c, room.c). */
#include <stdlib.h>

#include "core/text.h"
#include "ui/sdl/app.h"

void app_screen_free(App *a)
{
    screen_free(a->screen);
    a->screen = NULL;
}

void app_after_change(App *a)
{
    a->screen = screen_describe_next(a->s, a->screen); /* the earlier decisions taken over */
    if (a->room) {
        Uint32 now = SDL_GetTicks();
        int left = !a->timer_on ? -1 : now >= a->timer_end ? 0 : (int)((a->timer_end - now) / 1000);
        screen_add_room(a->screen, a->room, a->votes, left);
    }
    a->scroll_to_current = true;
    a->shown_at = util_now_seconds();
    a->focus = -1;
    /* the window's title names the story, for task switchers */
    const Screen *sc = a->screen;
    char *title = sc->campaign
                      ? xasprintf("%s \u2014 %s \u2014 Ladder", sc->campaign->title, sc->title)
                      : xasprintf("%s \u2014 Ladder", sc->title);
    SDL_SetWindowTitle(a->win, title);
    free(title);
    /* text no font can draw (the bundled ones nor any installed font fontconfig finds) shows
     * as boxes: say so rather than leave the player guessing (issue 16, item 15) */
    Uint32 cp = 0;
    bool ok = draw_has_glyphs(&a->d, sc->text.text, &cp);
    for (size_t i = 0; ok && i < sc->n_choices; i++)
        ok = draw_has_glyphs(&a->d, sc->choices[i].text.text, &cp);
    if (!ok)
        app_toast(a, "Some characters here (the first is U+%04X) are in no font on this "
                     "computer, and show as boxes.",
                  (unsigned)cp);
}

void app_copy_text(App *a)
{
    const char *what = a->overlay == OV_ERROR && a->error ? a->error
                       : a->s && a->screen                 ? a->screen->text.text
                                                           : NULL;
    if (!what)
        return;
    char *plain = text_plain(what);
    if (SDL_SetClipboardText(plain) == 0)
        app_toast(a, "%s",
                  a->overlay == OV_ERROR ? "The error is copied." : "The scene's text is copied.");
    else
        app_toast(a, "Nothing was copied: %s", SDL_GetError());
    free(plain);
}

/* The Screen's notice (the session's), for the status line: malloc'd, or NULL. */
static char *screen_notice(const App *a)
{
    return a->screen->notice ? xstrdup(a->screen->notice) : NULL;
}

static void do_choose(App *a, int i)
{
    const Screen *sc = a->screen;
    if (sc->ending || i < 0 || (size_t)i >= sc->n_available)
        return;
    Err err;
    int rc = session_choose(a->s, (size_t)i, util_now_seconds() - a->shown_at, &err);
    if (rc != 0) {
        if (rc == STATUS_FAILED) {
            a->result = 1;
            app_show_error(a, err.msg);
        }
        return;
    }
    app_history_add(a, xstrdup(sc->text.text));
    app_after_change(a);
    free(a->status);
    a->status = screen_notice(a);
}

/* The title menu's pick: play story_path, resuming its autosave or not. */
static void pick_story(App *a, const char *story_path, bool resume)
{
    a->pick->story_path = xstrdup(story_path);
    a->pick->resume = resume;
    a->done = true;
    a->result = 0;
}

static void open_overlay(App *a, Overlay o)
{
    a->overlay = o;
    a->focus = 0;
}

static void undo(App *a)
{
    Err err;
    a->overlay = OV_NONE;
    if (session_undo(a->s, &err) != 0) {
        app_toast(a, "%s", err.msg);
    } else {
        app_history_build(a);
        app_after_change(a);
        a->status = screen_notice(a);
    }
}

static void next_chapter(App *a)
{
    Err err;
    if (session_advance(a->s, &err) != 0) {
        app_show_error(a, err.msg);
    } else {
        app_history_free(a);
        app_after_change(a);
        a->status = screen_notice(a);
        a->scroll = 0;
    }
}

static void play_again(App *a)
{
    Err err;
    if (session_restart(a->s, &err) != 0) {
        app_show_error(a, err.msg);
        return;
    }
    app_history_free(a);
    app_after_change(a);
    a->status = screen_notice(a);
    if (!a->status)
        a->status = xstrdup("A new game begins.");
    a->scroll = 0;
}

static void apply_settings(App *a)
{
    Err err;
    draw_set_theme(&a->d, &THEMES[a->set.theme % 3]);
    if (draw_resize(&a->d, a->set.text_size, a->d.scale, &err) != 0)
        app_show_error(a, err.msg);
    settings_save(&a->set, &err);
}

/* The settings actions: text size, theme, fullscreen, stat numbers. */
static void change_setting(App *a, int action)
{
    switch (action) {
    case A_BIGGER:
    case A_SMALLER:
        app_anchor_view(a); /* keep the reading position (issue 16, item 5) */
        a->set.text_size += action == A_BIGGER ? 2 : -2;
        if (a->set.text_size > TEXT_SIZE_MAX)
            a->set.text_size = TEXT_SIZE_MAX;
        if (a->set.text_size < TEXT_SIZE_MIN)
            a->set.text_size = TEXT_SIZE_MIN;
        break;
    case A_THEME: a->set.theme = (a->set.theme + 1) % 3; break;
    case A_FULLSCREEN:
        app_anchor_view(a);
        a->set.fullscreen = !a->set.fullscreen;
        app_set_fullscreen(a, a->set.fullscreen);
        break;
    case A_NUMBERS:
        a->set.show_numbers = !a->set.show_numbers;
        break;
    default: return;
    }
    apply_settings(a);
}

void app_act(App *a, int action, int arg)
{
    Overlay was = a->overlay;
    free(a->status);
    a->status = NULL;
    switch (action) {
    case A_CHOOSE: do_choose(a, arg); break;
    case A_STORY: pick_story(a, a->cat->v[arg].path, false); break;
    case A_CONTINUE: pick_story(a, a->cont_path, true); break;
    case A_LOAD_MENU: app_slots_open_load(a); break;
    case A_SAVE_MENU: app_slots_open_save(a); break;
    case A_SLOT: app_slots_take(a, arg); break;
    case A_SETTINGS: open_overlay(a, OV_SETTINGS); break;
    case A_HELP: /* F1 again closes it */
        if (a->overlay == OV_HELP)
            a->overlay = OV_NONE;
        else if (a->overlay == OV_NONE || a->overlay == OV_MENU)
            open_overlay(a, OV_HELP);
        break;
    case A_STATS_INFO: /* S again closes it; only in a game */
    case A_ENDINGS: {
        Overlay o = action == A_STATS_INFO ? OV_STATS : OV_ENDINGS;
        if (a->overlay == o)
            a->overlay = OV_NONE;
        else if (a->s && a->screen && (a->overlay == OV_NONE || a->overlay == OV_MENU))
            open_overlay(a, o);
        break;
    }
    case A_QUIT:
        if (a->s && !a->room && !a->confirmed && !a->screen->ending) {
            app_confirm(a, "Quit Ladder?",
                        "Your game is saved as you play: Continue on the title screen takes "
                        "you back to this scene.",
                        "Quit", A_QUIT, 0);
            break;
        }
        a->done = true;
        a->result = a->s ? 0 : 1;
        break;
    case A_CONFIRM:
        a->overlay = a->confirm_back;
        a->focus = a->confirm_back_focus;
        a->confirmed = true;
        app_act(a, a->confirm_action, a->confirm_arg);
        a->confirmed = false;
        return;
    case A_MENU: open_overlay(a, OV_MENU); break;
    case A_RESUME:
    case A_CLOSE:
        if (a->overlay == OV_CONFIRM) { /* Cancel: back where the question came from */
            a->overlay = a->confirm_back;
            a->focus = a->confirm_back_focus;
            a->list_focus = -2; /* keep that focus in view */
            break;
        }
        a->overlay = a->overlay == OV_SETTINGS && a->s ? OV_MENU : OV_NONE;
        break;
    case A_UNDO: undo(a); break;
    case A_TO_TITLE:
        a->overlay = OV_NONE;
        a->done = true;
        a->result = UI_BACK_TO_TITLE;
        break;
    case A_NEXT: /* a room goes on through room_advance (journaled): room.c */
        if (a->room)
            app_room_act(a, action, arg);
        else
            next_chapter(a);
        break;
    case A_TO_CHOICES: /* the choices' end at the pane's foot, or their start at its top */
        a->scroll = a->choices_end + draw_px(&a->d, 28) - a->pane_h;
        if (a->scroll > a->choices_top)
            a->scroll = a->choices_top;
        a->focus = -1;
        break;
    case A_TO_ENDING: /* the ending's heading a little under the pane's top */
        a->scroll = a->ending_top;
        a->focus = -1;
        break;
    case A_NAME: app_name_take(a); break;
    case A_AGAIN: play_again(a); break;
    case A_BIGGER:
    case A_SMALLER:
    case A_THEME:
    case A_FULLSCREEN:
    case A_NUMBERS: change_setting(a, action); break;
    case A_TIMELINE: open_overlay(a, OV_TIMELINE); break;
    default: app_room_act(a, action, arg); break;
    }
    /* An overlay that closed, or gave way to another, takes its focus with it: the index it
     * kept would land on a button of the screen under it, and Space would take a choice the
     * player never aimed at (review of the window, defect 11). The next panel starts at its
     * first item; the story starts with no focus. */
    if (a->overlay != was && a->overlay == OV_NONE)
        a->focus = -1;
    else if (was == OV_SETTINGS && a->overlay == OV_MENU)
        a->focus = 0;
    a->redraw = true;
}
