/* suggest.c: edit distances between names and the closest known name (see suggest.h). */
#include "core/suggest.h"

#include <string.h>

int suggest_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > SUGGEST_MAX_LEN || m > SUGGEST_MAX_LEN)
        return SUGGEST_FAR;
    /* d[i][j]: the distance between the first i bytes of a and the first j of b */
    int d[SUGGEST_MAX_LEN + 1][SUGGEST_MAX_LEN + 1];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m];
}

void suggest_init(Suggest *sg, const char *name)
{
    sg->name = name;
    sg->best = NULL;
    sg->best_d = SUGGEST_FAR;
}

void suggest_offer(Suggest *sg, const char *candidate)
{
    if (!candidate || strcmp(candidate, sg->name) == 0)
        return;
    size_t len = strlen(sg->name);
    if (len < 3) /* "b" is one edit from every one-letter name */
        return;
    int limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    int d = suggest_distance(sg->name, candidate);
    if (d <= limit && d < sg->best_d) {
        sg->best = candidate;
        sg->best_d = d;
    }
}

const char *suggest_best(const Suggest *sg)
{
    return sg->best;
}
