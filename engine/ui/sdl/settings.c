/* settings.c: reading and writing settings.json with cJSON; every field is checked. */
#include "ui/sdl/settings.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/paths.h"

void settings_default(Settings *s)
{
    memset(s, 0, sizeof *s);
    s->text_size = 20;
    s->show_numbers = true;
    s->w = 1100;
    s->h = 760;
}

static char *settings_path(Err *err)
{
    char *dir = paths_config_dir(err);
    if (!dir)
        return NULL;
    char *p = xasprintf("%s/settings.json", dir);
    free(dir);
    return p;
}

static bool get_int(const cJSON *o, const char *k, int lo, int hi, int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (!cJSON_IsNumber(v) || v->valuedouble < lo || v->valuedouble > hi)
        return false;
    *out = (int)v->valuedouble;
    return true;
}

char *settings_load(Settings *s)
{
    Err err;
    char *path = settings_path(&err);
    if (!path)
        return NULL;
    size_t len;
    if (access(path, F_OK) != 0) {
        free(path);
        return NULL; /* no settings yet */
    }
    char *text = util_read_file(path, 1 << 20, &len, &err);
    if (!text) {
        char *msg = xasprintf("The settings file cannot be read (%s); using the defaults.",
                              err.msg);
        free(path);
        return msg;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        char *msg = xasprintf("The settings file %s is damaged; using the defaults.", path);
        free(path);
        return msg;
    }
    free(path);
    get_int(root, "text_size", TEXT_SIZE_MIN, TEXT_SIZE_MAX, &s->text_size);
    const cJSON *theme = cJSON_GetObjectItemCaseSensitive(root, "theme");
    if (cJSON_IsString(theme)) {
        if (strcmp(theme->valuestring, "dark") == 0)
            s->theme = 1;
        else if (strcmp(theme->valuestring, "contrast") == 0)
            s->theme = 2;
        else
            s->theme = 0;
    }
    const cJSON *fs = cJSON_GetObjectItemCaseSensitive(root, "fullscreen");
    if (cJSON_IsBool(fs))
        s->fullscreen = cJSON_IsTrue(fs);
    const cJSON *num = cJSON_GetObjectItemCaseSensitive(root, "show_numbers");
    if (cJSON_IsBool(num))
        s->show_numbers = cJSON_IsTrue(num);
    const cJSON *win = cJSON_GetObjectItemCaseSensitive(root, "window");
    if (cJSON_IsObject(win)) {
        get_int(win, "w", 480, 16384, &s->w);
        get_int(win, "h", 360, 16384, &s->h);
        s->has_pos = get_int(win, "x", -16384, 16384, &s->x) &&
                     get_int(win, "y", -16384, 16384, &s->y);
    }
    cJSON_Delete(root);
    return NULL;
}

int settings_save(const Settings *s, Err *err)
{
    static const char *const names[] = {"light", "dark", "contrast"};
    char *path = settings_path(err);
    if (!path)
        return -1;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "text_size", s->text_size);
    cJSON_AddStringToObject(root, "theme", names[s->theme % 3]);
    cJSON_AddBoolToObject(root, "fullscreen", s->fullscreen);
    cJSON_AddBoolToObject(root, "show_numbers", s->show_numbers);
    cJSON *win = cJSON_AddObjectToObject(root, "window");
    cJSON_AddNumberToObject(win, "w", s->w);
    cJSON_AddNumberToObject(win, "h", s->h);
    if (s->has_pos) {
        cJSON_AddNumberToObject(win, "x", s->x);
        cJSON_AddNumberToObject(win, "y", s->y);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    int rc = text ? write_file_atomic(path, text, strlen(text), err) : -1;
    cJSON_free(text);
    free(path);
    return rc;
}
