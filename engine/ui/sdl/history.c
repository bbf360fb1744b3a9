/* history.c: the readable history of the chapter: the scene before each decision, shown above
 * the current scene with the choice taken and what it changed (from the Screen). */
#include <stdlib.h>

#include "ui/sdl/app.h"

void app_history_free(App *a)
{
    for (size_t i = 0; i < a->n_hist; i++)
        free(a->hist[i].text);
    free(a->hist);
    a->hist = NULL;
    a->n_hist = 0;
}

/* Rebuild the readable history of the current chapter: one replay from the chapter's start,
 * taking each decision's choice by id and keeping the scene's text before it (linear in the
 * decisions; issue 16, item 14: replaying each prefix anew took 2.1 s at 1,000 decisions).
 * Where that replay cannot follow (a script failed), each remaining prefix is replayed. */
void app_history_build(App *a)
{
    app_history_free(a);
    const Game *g = session_game(a->s);
    const Story *st = session_story(a->s);
    size_t n = game_decision_count(g);
    if (n == 0)
        return;
    a->hist = xcalloc(n, sizeof *a->hist);
    Err err;
    Game *cur = game_rewind(g, 0, &err);
    for (size_t i = 0; cur && i < n; i++) {
        a->hist[i].text = xstrdup(game_text(cur));
        a->n_hist = i + 1;
        const Decision *dc = game_decision(g, i);
        const Scene *sc = dc && dc->scene >= 0 && (size_t)dc->scene < st->n_scenes
                              ? &st->scenes[dc->scene]
                              : NULL;
        bool ok = sc && dc->choice >= 0 && (size_t)dc->choice < sc->n_choices &&
                  game_scene_index(cur) == dc->scene &&
                  game_choose_id(cur, sc->choices[dc->choice].id, dc->seconds, &err) == 0;
        if (!ok) {
            game_free(cur);
            cur = NULL;
        }
    }
    game_free(cur);
    for (size_t i = a->n_hist; i < n; i++) {
        Game *gi = game_rewind(g, i, &err);
        if (!gi)
            break;
        a->hist[i].text = xstrdup(game_text(gi));
        a->n_hist = i + 1;
        game_free(gi);
    }
}

void app_history_add(App *a, char *text)
{
    a->hist = xrealloc(a->hist, (a->n_hist + 1) * sizeof *a->hist);
    a->hist[a->n_hist++] = (HistoryItem){.text = text};
}
