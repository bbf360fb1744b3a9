/* paths.c: data, config and scenario directories. */
#include "core/paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *paths_scenarios_dir(void)
{
    const char *env = getenv("LADDER_SCENARIOS");
    if (env && *env)
        return xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char *rel = xasprintf("%s/../share/ladder/scenarios", exe);
            if (is_dir(rel))
                return rel;
            free(rel);
        }
    }
    if (is_dir(LADDER_SOURCE_SCENARIOS))
        return xstrdup(LADDER_SOURCE_SCENARIOS);
    return xstrdup(LADDER_INSTALL_DATADIR "/scenarios");
}

static char *xdg_dir(const char *var, const char *fallback, Err *err)
{
    const char *base = getenv(var);
    if (base && base[0] == '/')
        return xasprintf("%s/ladder", base);
    const char *home = getenv("HOME");
    if (home && *home)
        return xasprintf("%s/%s/ladder", home, fallback);
    err_set(err, "neither %s nor HOME is set: nowhere to keep saves", var);
    return NULL;
}

char *paths_data_dir(Err *err)
{
    return xdg_dir("XDG_DATA_HOME", ".local/share", err);
}

char *paths_config_dir(Err *err)
{
    return xdg_dir("XDG_CONFIG_HOME", ".config", err);
}

char *paths_save_dir(const char *story_id, Err *err)
{
    char *data = paths_data_dir(err);
    if (!data)
        return NULL;
    char *dir = xasprintf("%s/saves/%s", data, story_id);
    free(data);
    return dir;
}

int paths_valid_save_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 64)
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '-'))
            return 0;
    return 1;
}
