/* slots.c: the lists of saves the slot overlay offers: slots to save the game to, and saves to
 * load (the current story's in game, every bundled story's at the title). */
#define _GNU_SOURCE /* strptime, timegm */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* A save's name in words: "Slot 3", "Autosave", "Previous game" (the autosave a new game set
 * aside: autosave-YYYYMMDD-HHMMSS), else the name itself. malloc'd. */
static char *save_name_words(const char *name)
{
    int k;
    char rest[4];
    if (sscanf(name, "slot%d%3s", &k, rest) == 1 && k > 0)
        return xasprintf("Slot %d", k);
    if (saves_is_autosave(name))
        return xstrdup("Autosave");
    if (strncmp(name, "autosave-", 9) == 0 && strlen(name) == 24 && name[17] == '-')
        return xstrdup("Previous game");
    return xstrdup(name);
}

/* "today, 20:43", "yesterday, 11:14", "29 Nov, 11:14" (local time) for an ISO time in UTC;
 * now is the time to count days from. malloc'd. */
static char *when_words(const char *iso, time_t now)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!iso || !strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm))
        return xstrdup(iso ? iso : "");
    time_t t = timegm(&tm);
    struct tm lt, today;
    localtime_r(&t, &lt);
    localtime_r(&now, &today);
    char hm[16];
    strftime(hm, sizeof hm, "%H:%M", &lt);
    time_t yest_t = now - 24 * 60 * 60;
    struct tm yest;
    localtime_r(&yest_t, &yest);
    if (lt.tm_year == today.tm_year && lt.tm_yday == today.tm_yday)
        return xasprintf("today, %s", hm);
    if (lt.tm_year == yest.tm_year && lt.tm_yday == yest.tm_yday)
        return xasprintf("yesterday, %s", hm);
    char day[32];
    strftime(day, sizeof day, lt.tm_year == today.tm_year ? "%e %b" : "%e %b %Y", &lt);
    return xasprintf("%s, %s", day[0] == ' ' ? day + 1 : day, hm);
}

char *app_save_words(const SaveInfo *si, const char *story_title, const Story *story,
                     time_t now)
{
    char *name = save_name_words(si->name), *when = when_words(si->updated, now);
    char *where;
    if (si->ended) {
        int k = story ? story_find_scene(story, si->scene) : -1;
        const char *title = k >= 0 && story->scenes[k].title ? story->scenes[k].title : NULL;
        /* as the ending's heading reads ("The end: Paid, at a Price") */
        where = title ? xasprintf("The end: %s", title) : xstrdup("Finished");
    } else if (si->decisions == 0) {
        where = xasprintf("%s, at the start", si->scene);
    } else {
        where = xasprintf("%s, %zu decision%s", si->scene, si->decisions,
                          si->decisions == 1 ? "" : "s");
    }
    char *out = story_title ? xasprintf("**%s**  %s \u00b7 %s \u2014 %s", story_title, name, when,
                                        where)
                            : xasprintf("**%s**  %s \u2014 %s", name, when, where);
    free(name);
    free(when);
    free(where);
    return out;
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
        char *label = hit ? app_save_words(hit, NULL, session_story(a->s), time(NULL))
                          : xasprintf("**Slot %d**  *empty*", k);
        /* what it holds, for the question before overwriting it: the label after the name */
        const char *after = hit ? strstr(label, "**  ") : NULL;
        char *what = after ? xstrdup(after + 4) : NULL;
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
        for (size_t i = 0; i < n && i < 40; i++)
            add_slot(a, xstrdup(v[i].name),
                     app_save_words(&v[i], NULL, session_story(a->s), time(NULL)), NULL, false);
        session_free_saves(v, n);
    } else {
        size_t n;
        SaveEntry *v = saves_list_all(a->cat, &n);
        for (size_t i = 0; i < n && i < 40; i++)
            add_slot(a, xstrdup(v[i].path),
                     app_save_words(&v[i].info, a->cat->v[v[i].story].title, NULL, time(NULL)),
                     xstrdup(a->cat->v[v[i].story].path), false);
        saves_free(v, n);
    }
    a->saving = false;
    a->overlay = OV_SLOTS;
    a->focus = 0;
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
            app_toast(a, "Saved to slot %d.", i + 1);
    } else if (a->s) {
        if (session_load(a->s, sl->name, &err) != 0) {
            app_show_error(a, err.msg);
        } else {
            app_history_build(a);
            app_after_change(a);
            a->status = a->screen->notice ? xstrdup(a->screen->notice) : NULL;
        }
    } else {
        a->pick->story_path = xstrdup(sl->story_path);
        a->pick->load = xstrdup(sl->name);
        a->done = true;
        a->result = 0;
    }
}
