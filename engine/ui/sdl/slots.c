/* slots.c: the lists of saves the slot overlay offers: slots to save the game to, and saves to
 * load (the current story's in game, every bundled story's at the title). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/saves.h"
#include "ui/sdl/app.h"

void app_slots_free(App *a)
{
    for (size_t i = 0; i < a->n_slots; i++) {
        free(a->slots[i].name);
        free(a->slots[i].label);
        free(a->slots[i].story_path);
        free(a->slots[i].what);
    }
    free(a->slots);
    a->slots = NULL;
    a->n_slots = 0;
}

static void add_slot(App *a, char *name, char *label, char *story_path, bool empty)
{
    a->slots = xrealloc(a->slots, (a->n_slots + 1) * sizeof *a->slots);
    a->slots[a->n_slots++] = (Slot){name, label, story_path, NULL, empty};
}

/* The slots to save to: slot1..slot6, showing what each holds. */
void app_slots_open_save(App *a)
{
    app_slots_free(a);
    size_t n;
    SaveInfo *v = session_list_saves(a->s, &n);
    for (int k = 1; k <= SAVE_SLOTS; k++) {
        char name[16];
        snprintf(name, sizeof name, "slot%d", k);
        const SaveInfo *hit = NULL;
        for (size_t i = 0; i < n; i++)
            if (strcmp(v[i].name, name) == 0)
                hit = &v[i];
        char *when = hit ? ui_human_time(hit->updated) : NULL;
        char *what = !hit ? NULL
                     : hit->decisions == 0
                         ? xasprintf("%s \u2014 %s, at the start", when, hit->scene)
                         : xasprintf("%s \u2014 %s, %zu decision%s", when, hit->scene,
                                     hit->decisions, hit->decisions == 1 ? "" : "s");
        char *label = hit ? xasprintf("**Slot %d**  %s", k, what)
                          : xasprintf("**Slot %d**  *empty*", k);
        free(when);
        add_slot(a, xstrdup(name), label, NULL, hit == NULL);
        a->slots[a->n_slots - 1].what = what;
    }
    session_free_saves(v, n);
    a->saving = true;
    a->overlay = OV_SLOTS;
    a->focus = 0; /* the first empty slot, so that Return never overwrites a save unasked */
    for (size_t i = 0; i < a->n_slots; i++)
        if (a->slots[i].empty) {
            a->focus = (int)i;
            break;
        }
}

/* Every save of the current story (in game) or of every bundled story (at the title), newest
 * first. */
void app_slots_open_load(App *a)
{
    app_slots_free(a);
    if (a->s) {
        size_t n;
        SaveInfo *v = session_list_saves(a->s, &n);
        for (size_t i = 0; i < n && i < 40; i++) {
            char *when = ui_human_time(v[i].updated);
            add_slot(a, xstrdup(v[i].name),
                     xasprintf("**%s**  %s \u2014 %s%s, %zu decision%s", v[i].name, when,
                               v[i].ended ? "ended: " : "", v[i].scene, v[i].decisions,
                               v[i].decisions == 1 ? "" : "s"),
                     NULL, false);
            free(when);
        }
        session_free_saves(v, n);
    } else {
        size_t n;
        SaveEntry *v = saves_list_all(a->cat, &n);
        for (size_t i = 0; i < n && i < 40; i++) {
            char *when = ui_human_time(v[i].info.updated);
            add_slot(a, xstrdup(v[i].path),
                     xasprintf("**%s** (%s)  %s \u2014 %s", a->cat->v[v[i].story].title,
                               v[i].info.name, when, v[i].info.scene),
                     xstrdup(a->cat->v[v[i].story].path), false);
            free(when);
        }
        saves_free(v, n);
    }
    a->saving = false;
    a->overlay = OV_SLOTS;
    a->focus = 0;
}

/* True if the save file at path is an autosave (autosave.json, autosave-2.json ...). */
static bool autosave_file(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".json") == 0)
        n -= 5;
    char *name = xasprintf("%.*s", (int)n, base);
    bool yes = saves_is_autosave(name);
    free(name);
    return yes;
}

void app_slots_take(App *a, int i)
{
    if (i < 0 || (size_t)i >= a->n_slots)
        return;
    Err err;
    Slot *sl = &a->slots[i];
    if (a->saving && !sl->empty && !a->confirmed) { /* ask first, naming what is there */
        char *title = xasprintf("Overwrite slot %d?", i + 1);
        char *text = xasprintf("Slot %d holds a game: %s. Saving here replaces it.", i + 1,
                               sl->what ? sl->what : "another game");
        a->focus = i;
        app_confirm(a, title, text, "Overwrite it", A_SLOT, i);
        free(title);
        free(text);
        return;
    }
    a->overlay = OV_NONE;
    if (a->saving) {
        if (session_save(a->s, sl->name, NULL, &err) != 0)
            app_show_error(a, err.msg);
        else
            app_set_status(a, "Saved to slot %d.", i + 1);
    } else if (a->s) {
        if (session_load(a->s, sl->name, &err) != 0) {
            app_show_error(a, err.msg);
        } else {
            const char *dir = session_save_dir(a->s);
            char *file = dir ? xasprintf("%s/%s.json", dir, sl->name) : NULL;
            if (file && !saves_is_autosave(sl->name))
                app_note_loaded(a, file, session_root(a->s)->path);
            else
                app_forget_loaded(a);
            free(file);
            app_history_build(a);
            app_after_change(a);
            a->status = a->screen->notice ? xstrdup(a->screen->notice) : NULL;
        }
    } else {
        a->pick->story_path = xstrdup(sl->story_path);
        a->pick->load = xstrdup(sl->name);
        if (autosave_file(sl->name))
            app_forget_loaded(a);
        else
            app_note_loaded(a, sl->name, sl->story_path);
        a->done = true;
        a->result = 0;
    }
}
