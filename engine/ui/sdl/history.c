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

/* Rebuild the readable history of the current chapter by replaying each prefix. */
void app_history_build(App *a)
{
    app_history_free(a);
    const Game *g = session_game(a->s);
    size_t n = game_decision_count(g);
    if (n == 0)
        return;
    a->hist = xcalloc(n, sizeof *a->hist);
    for (size_t i = 0; i < n; i++) {
        Err err;
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
    a->hist[a->n_hist++] = (HistoryItem){text};
}
