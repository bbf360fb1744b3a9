/* gallery.c: the endings gallery (see gallery.h). */
#include "core/gallery.h"

#include <cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/paths.h"

typedef struct GalleryStory {
    char *id;
    char **endings;
    size_t n, cap;
} GalleryStory;

struct Gallery {
    GalleryStory *v;
    size_t n, cap;
};

static GalleryStory *find(const Gallery *g, const char *story)
{
    for (size_t i = 0; i < g->n; i++)
        if (strcmp(g->v[i].id, story) == 0)
            return &g->v[i];
    return NULL;
}

bool gallery_has(const Gallery *g, const char *story, const char *ending)
{
    const GalleryStory *s = find(g, story);
    for (size_t i = 0; s && i < s->n; i++)
        if (strcmp(s->endings[i], ending) == 0)
            return true;
    return false;
}

bool gallery_add(Gallery *g, const char *story, const char *ending)
{
    if (gallery_has(g, story, ending))
        return false;
    GalleryStory *s = find(g, story);
    if (!s) {
        if (g->n >= GALLERY_MAX_STORIES)
            return false;
        util_grow(&g->v, &g->cap, g->n + 1, sizeof *g->v);
        s = &g->v[g->n++];
        *s = (GalleryStory){.id = xstrdup(story)};
    }
    if (s->n >= GALLERY_MAX_ENDINGS)
        return false;
    util_grow(&s->endings, &s->cap, s->n + 1, sizeof *s->endings);
    s->endings[s->n++] = xstrdup(ending);
    return true;
}

size_t gallery_count(const Gallery *g, const char *story)
{
    const GalleryStory *s = find(g, story);
    return s ? s->n : 0;
}

size_t gallery_found(const Gallery *g, const Story *s, size_t *total)
{
    size_t found = 0, all = 0;
    for (size_t i = 0; i < s->n_scenes; i++) {
        if (!s->scenes[i].ending)
            continue;
        all++;
        if (gallery_has(g, s->id, s->scenes[i].id))
            found++;
    }
    *total = all;
    return found;
}

void gallery_free(Gallery *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++) {
        for (size_t k = 0; k < g->v[i].n; k++)
            free(g->v[i].endings[k]);
        free(g->v[i].endings);
        free(g->v[i].id);
    }
    free(g->v);
    free(g);
}

/* Fill g from the parsed file; false (g partly filled) when it is not a gallery. */
static bool from_json(Gallery *g, const cJSON *root)
{
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
    const cJSON *stories = cJSON_GetObjectItemCaseSensitive(root, "stories");
    if (!cJSON_IsString(format) || strcmp(format->valuestring, "ladder-gallery") != 0 ||
        !cJSON_IsNumber(version) || version->valuedouble != 1 || !cJSON_IsObject(stories))
        return false;
    const cJSON *st;
    cJSON_ArrayForEach(st, stories) {
        if (!util_is_identifier(st->string) || !cJSON_IsArray(st))
            return false;
        const cJSON *e;
        cJSON_ArrayForEach(e, st) {
            if (!cJSON_IsString(e) || !util_is_identifier(e->valuestring))
                return false;
            gallery_add(g, st->string, e->valuestring);
        }
    }
    return true;
}

Gallery *gallery_load(const char *path, Err *err)
{
    Gallery *g = xcalloc(1, sizeof *g);
    struct stat sb;
    if (stat(path, &sb) != 0 && errno == ENOENT)
        return g; /* nothing reached yet */
    size_t len;
    char *text = util_read_file(path, GALLERY_MAX_BYTES, &len, err);
    if (!text) {
        gallery_free(g);
        return NULL;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    bool ok = root && from_json(g, root);
    cJSON_Delete(root);
    if (!ok) {
        err_set(err, "%s: not an endings gallery (it is left as it is)", path);
        gallery_free(g);
        return NULL;
    }
    return g;
}

Gallery *gallery_open(char **path, Err *err)
{
    if (path)
        *path = NULL;
    char *data = paths_data_dir(err);
    if (!data)
        return NULL;
    char *p = xasprintf("%s/gallery.json", data);
    free(data);
    Gallery *g = gallery_load(p, err);
    if (path)
        *path = p;
    else
        free(p);
    return g;
}

int gallery_save(const Gallery *g, const char *path, Err *err)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "ladder-gallery");
    cJSON_AddNumberToObject(root, "version", 1);
    cJSON *stories = cJSON_AddObjectToObject(root, "stories");
    for (size_t i = 0; i < g->n; i++) {
        cJSON *a = cJSON_AddArrayToObject(stories, g->v[i].id);
        for (size_t k = 0; k < g->v[i].n; k++)
            cJSON_AddItemToArray(a, cJSON_CreateString(g->v[i].endings[k]));
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) {
        err_set(err, "%s: out of memory", path);
        return -1;
    }
    Buf b = {0};
    buf_printf(&b, "%s\n", text);
    cJSON_free(text);
    int rc = write_file_atomic(path, b.s, b.len, err);
    buf_free(&b);
    return rc;
}
