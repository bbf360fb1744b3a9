/* history.c: the readable history of the chapter: each decision's scene, the choice taken
 * and what it changed, shown above the current scene. */
#include <stdlib.h>

#include "ui/sdl/app.h"

void app_history_free(App *a)
{
    for (size_t i = 0; i < a->n_hist; i++) {
        free(a->hist[i].text);
        free(a->hist[i].choice);
        free(a->hist[i].changes);
    }
    free(a->hist);
    a->hist = NULL;
    a->n_hist = 0;
}

static char *changes_text(const Story *s, const int *before, const int *after, bool numbers)
{
    Buf b = {0};
    story_format_changes(s, before, after, numbers, &b);
    return buf_take(&b);
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
    const Story *st = game_story(g);
    for (size_t i = 0; i < n; i++) {
        Err err;
        Game *gi = game_rewind(g, i, &err);
        if (!gi)
            break;
        const Decision *dc = game_decision(g, i);
        a->hist[i].text = xstrdup(game_text(gi));
        a->hist[i].choice = xstrdup(dc->text);
        a->hist[i].changes = changes_text(st, dc->before, dc->after, a->set.show_numbers);
        a->n_hist = i + 1;
        game_free(gi);
    }
}

void app_history_add(App *a, char *text, char *choice)
{
    const Game *g = session_game(a->s);
    const Decision *dc = game_decision(g, game_decision_count(g) - 1);
    a->hist = xrealloc(a->hist, (a->n_hist + 1) * sizeof *a->hist);
    a->hist[a->n_hist++] = (HistoryItem){text, choice,
                                         changes_text(game_story(g), dc->before, dc->after,
                                                      a->set.show_numbers)};
}
