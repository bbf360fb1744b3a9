/* players.c: the web server's players, their records on disk and their games (players.h).
 *
 * On disk, under the state folder (0700):
 *   players/ID.json   the record: {"format":"ladder-serve-player","version":1,"id","secret",
 *                     "name","anonymous","story","playing","game"}, written atomically
 *   players/ID/       the player's own folder (SessionOptions.dir): saves/STORY/ (autosave and
 *                     slots) and gallery.json
 * A record is rewritten only when it changes (a game started, left or played again); the
 * game itself is in its autosave, written at every decision. */
#include "tools/serve/players.h"

#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/autosave.h"
#include "core/catalog.h"
#include "core/results.h"
#include "core/story.h"
#include "core/utf8.h"

/* A record bigger than this is not one of ours. */
#define RECORD_MAX_BYTES 4096

struct Players {
    char *state_dir, *players_dir;
    char *results_dir, *session_code;
    size_t max;
    Player **v;
    size_t n, cap;
    unsigned long version;
};

static void hex(const unsigned char *b, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[b[i] >> 4];
        out[2 * i + 1] = digits[b[i] & 15];
    }
    out[2 * n] = '\0';
}

static bool is_hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return s[n] == '\0';
}

/* n random bytes from the kernel (getrandom(2), blocking only before the pool is ready). */
static int random_bytes(unsigned char *b, size_t n, Err *err)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = getrandom(b + got, n - got, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            err_set(err, "no random numbers for a player's token: %s", strerror(errno));
            return -1;
        }
        got += (size_t)k;
    }
    return 0;
}

static char *player_dir(const Players *p, const Player *pl)
{
    return xasprintf("%s/%s", p->players_dir, pl->id);
}

static void player_free(Player *pl)
{
    if (!pl)
        return;
    session_free(pl->session);
    free(pl->name);
    free(pl->story);
    free(pl);
}

static int write_record(Players *p, const Player *pl, Err *err)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "format", "ladder-serve-player");
    cJSON_AddNumberToObject(o, "version", 1);
    cJSON_AddStringToObject(o, "id", pl->id);
    cJSON_AddStringToObject(o, "secret", pl->secret);
    if (pl->name)
        cJSON_AddStringToObject(o, "name", pl->name);
    else
        cJSON_AddNullToObject(o, "name");
    cJSON_AddBoolToObject(o, "anonymous", pl->anonymous);
    if (pl->story)
        cJSON_AddStringToObject(o, "story", pl->story);
    else
        cJSON_AddNullToObject(o, "story");
    cJSON_AddBoolToObject(o, "playing", pl->playing);
    cJSON_AddNumberToObject(o, "game", pl->game);
    char *text = cJSON_Print(o);
    cJSON_Delete(o);
    char *path = xasprintf("%s/%s.json", p->players_dir, pl->id);
    int rc = text ? write_file_atomic(path, text, strlen(text), err) : -1;
    if (!text)
        err_set(err, "out of memory writing %s", path);
    free(path);
    cJSON_free(text);
    return rc;
}

/* A record read back, checked field by field; NULL with err when it is not one. */
static Player *read_record(const char *path, Err *err)
{
    size_t len;
    char *text = util_read_file(path, RECORD_MAX_BYTES, &len, err);
    if (!text)
        return NULL;
    cJSON *o = cJSON_ParseWithLength(text, len);
    free(text);
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(o, "format");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
    const cJSON *secret = cJSON_GetObjectItemCaseSensitive(o, "secret");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(o, "name");
    const cJSON *anon = cJSON_GetObjectItemCaseSensitive(o, "anonymous");
    const cJSON *story = cJSON_GetObjectItemCaseSensitive(o, "story");
    const cJSON *playing = cJSON_GetObjectItemCaseSensitive(o, "playing");
    const cJSON *game = cJSON_GetObjectItemCaseSensitive(o, "game");
    bool ok = cJSON_IsObject(o) && cJSON_IsString(format) &&
              strcmp(format->valuestring, "ladder-serve-player") == 0 && cJSON_IsString(id) &&
              strlen(id->valuestring) == 16 && is_hex(id->valuestring, 16) &&
              cJSON_IsString(secret) && strlen(secret->valuestring) == 32 &&
              is_hex(secret->valuestring, 32) && (cJSON_IsString(name) || cJSON_IsNull(name)) &&
              cJSON_IsBool(anon) && (cJSON_IsString(story) || cJSON_IsNull(story)) &&
              cJSON_IsBool(playing) && cJSON_IsNumber(game) && game->valuedouble >= 0 &&
              game->valuedouble <= 1e6;
    if (!ok) {
        err_set(err, "%s: not a player's record (left as it is)", path);
        cJSON_Delete(o);
        return NULL;
    }
    Player *pl = xcalloc(1, sizeof *pl);
    memcpy(pl->id, id->valuestring, 17);
    memcpy(pl->secret, secret->valuestring, 33);
    pl->name = cJSON_IsString(name) ? xstrdup(name->valuestring) : NULL;
    pl->anonymous = cJSON_IsTrue(anon);
    pl->story = cJSON_IsString(story) ? xstrdup(story->valuestring) : NULL;
    pl->playing = cJSON_IsTrue(playing);
    pl->game = (int)game->valuedouble;
    cJSON_Delete(o);
    return pl;
}

static void push(Players *p, Player *pl)
{
    util_grow(&p->v, &p->cap, p->n + 1, sizeof *p->v);
    p->v[p->n++] = pl;
    p->version++;
}

/* A kill while a results file was being replaced leaves its temporary (write_file_atomic's
 * NAME.json.tmp-XXXXXX) in the results folder: those of this server's players (their names hold
 * "-ID-") are removed at start, whatever their age, as no one else writes them. */
static void remove_temporaries(const Players *p)
{
    DIR *d = p->results_dir ? opendir(p->results_dir) : NULL;
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strstr(e->d_name, ".json.tmp-"))
            continue;
        for (size_t i = 0; i < p->n; i++) {
            char *mark = xasprintf("-%s-", p->v[i]->id);
            bool ours = strstr(e->d_name, mark) != NULL;
            free(mark);
            if (ours) {
                char *path = xasprintf("%s/%s", p->results_dir, e->d_name);
                unlink(path);
                free(path);
                break;
            }
        }
    }
    closedir(d);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

Players *players_open(const PlayersConfig *cfg, char **problems, Err *err)
{
    *problems = NULL;
    Players *p = xcalloc(1, sizeof *p);
    p->state_dir = xstrdup(cfg->state_dir);
    p->players_dir = xasprintf("%s/players", cfg->state_dir);
    p->results_dir = cfg->results_dir ? xstrdup(cfg->results_dir) : NULL;
    p->session_code = cfg->session_code ? xstrdup(cfg->session_code) : NULL;
    p->max = cfg->max_players;
    if (util_make_dirs(p->players_dir, err) != 0) {
        players_free(p);
        return NULL;
    }
    chmod(p->state_dir, 0700);
    chmod(p->players_dir, 0700);
    DIR *d = opendir(p->players_dir);
    if (!d) {
        err_set(err, "cannot read %s: %s", p->players_dir, strerror(errno));
        players_free(p);
        return NULL;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len == 21 && strcmp(e->d_name + 16, ".json") == 0) {
            util_grow(&names, &cap, n + 1, sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
    }
    closedir(d);
    if (n) /* the same order at every start */
        qsort(names, n, sizeof *names, by_name);
    Buf said = {0};
    for (size_t i = 0; i < n; i++) {
        char *path = xasprintf("%s/%s", p->players_dir, names[i]);
        Err rerr;
        Player *pl = read_record(path, &rerr);
        free(path);
        free(names[i]);
        if (!pl) {
            buf_printf(&said, "%s\n", rerr.msg);
            continue;
        }
        push(p, pl);
        if (pl->playing && pl->story && players_start(p, pl, pl->story, true, &rerr) != 0) {
            buf_printf(&said, "the game of player %s (%s) cannot be resumed: %s\n", pl->id,
                       pl->story, rerr.msg);
            pl->playing = false;
        }
    }
    free(names);
    remove_temporaries(p);
    if (said.len)
        *problems = buf_take(&said);
    buf_free(&said);
    return p;
}

void players_free(Players *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        player_free(p->v[i]);
    free(p->v);
    free(p->state_dir);
    free(p->players_dir);
    free(p->results_dir);
    free(p->session_code);
    free(p);
}

/* Compare n bytes in a time that does not depend on where they differ. */
static bool same_secret(const char *a, const char *b, size_t n)
{
    unsigned char diff = 0;
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

Player *players_find(Players *p, const char *token)
{
    if (!token || strlen(token) != PLAYERS_TOKEN_LEN || !is_hex(token, PLAYERS_TOKEN_LEN))
        return NULL;
    for (size_t i = 0; i < p->n; i++)
        if (memcmp(p->v[i]->id, token, 16) == 0)
            return same_secret(p->v[i]->secret, token + 16, 32) ? p->v[i] : NULL;
    return NULL;
}

Player *players_add(Players *p, const char *name, bool anonymous, Err *err)
{
    if (p->n >= p->max) {
        err_set(err, "this server already has its %zu players; no one more can join", p->max);
        return NULL;
    }
    unsigned char b[24];
    Player *pl = xcalloc(1, sizeof *pl);
    for (int tries = 0;; tries++) {
        if (random_bytes(b, sizeof b, err) != 0) {
            free(pl);
            return NULL;
        }
        hex(b, 8, pl->id);
        bool taken = false;
        for (size_t i = 0; i < p->n && !taken; i++)
            taken = strcmp(p->v[i]->id, pl->id) == 0;
        if (!taken)
            break;
        if (tries > 8) { /* 64 random bits colliding nine times: the kernel's pool is broken */
            err_set(err, "no unused player id could be drawn");
            free(pl);
            return NULL;
        }
    }
    hex(b + 8, 16, pl->secret);
    pl->name = name && *name ? xstrdup(name) : NULL;
    pl->anonymous = anonymous;
    pl->updated = (double)time(NULL);
    char *dir = player_dir(p, pl);
    int rc = util_make_dirs(dir, err);
    if (rc == 0)
        chmod(dir, 0700);
    free(dir);
    if (rc != 0 || write_record(p, pl, err) != 0) {
        player_free(pl);
        return NULL;
    }
    push(p, pl);
    return pl;
}

void players_token(const Player *pl, char *buf)
{
    memcpy(buf, pl->id, 16);
    memcpy(buf + 16, pl->secret, 33);
}

/* The name of the results file of the player's game number pl->game. */
static char *results_file(const Players *p, const Player *pl, const char *story_id)
{
    char *tag = xasprintf("%s-%d", pl->id, pl->game);
    char *name = results_file_name(story_id, p->session_code,
                                   pl->anonymous ? NULL : pl->name, tag);
    free(tag);
    return name;
}

int players_start(Players *p, Player *pl, const char *story, bool resume, Err *err)
{
    Story *st = catalog_open(story, err);
    if (!st)
        return STATUS_FAILED;
    char *dir = player_dir(p, pl);
    SessionOptions o = {.player = pl->name, .resume = resume, .dir = dir};
    if (p->session_code) {
        o.seed = session_seed_for_code(p->session_code);
        o.seed_given = true;
    }
    bool new_game = !resume;
    if (resume) { /* no autosave yet (no decision taken): a new game, as the player left it */
        char *saves = xasprintf("%s/saves/%s", dir, st->id);
        int slots[AUTOSAVE_MAX_SLOTS];
        bool held[AUTOSAVE_MAX_SLOTS];
        if (autosave_existing(saves, slots, held) == 0) {
            o.resume = false;
            new_game = true;
        }
        free(saves);
    }
    if (new_game && p->results_dir)
        pl->game++;
    char *story_id = xstrdup(st->id);
    Session *s = session_open(st, &o, err);
    free(dir);
    if (!s) {
        free(story_id);
        return STATUS_FAILED;
    }
    if (p->results_dir) {
        session_set_results(s, p->results_dir, p->session_code, pl->anonymous);
        char *name = results_file(p, pl, story_id);
        session_set_results_file(s, name);
        free(name);
        /* a kill between the autosave and the results file leaves the file a decision behind:
         * a resumed game writes it again (the same file, so never a second one) */
        Err rerr;
        if (!new_game && session_write_results(s, &rerr) != 0)
            utf8_fprintf(stderr, "ladder serve: player %s: %s\n", pl->id, rerr.msg);
        free(session_take_notice(s)); /* the player was told when it was first written */
    }
    free(story_id);
    session_free(pl->session);
    pl->session = s;
    pl->shown = util_now_seconds();
    pl->updated = (double)time(NULL);
    bool changed = !pl->playing || !pl->story || strcmp(pl->story, story) != 0 || new_game;
    pl->playing = true;
    if (!pl->story || strcmp(pl->story, story) != 0) {
        free(pl->story);
        pl->story = xstrdup(story);
    }
    p->version++;
    Err werr;
    if (changed && write_record(p, pl, &werr) != 0) /* the game itself is autosaved */
        utf8_fprintf(stderr, "ladder serve: player %s: %s\n", pl->id, werr.msg);
    return 0;
}

void players_leave(Players *p, Player *pl)
{
    session_free(pl->session);
    pl->session = NULL;
    if (pl->playing) {
        pl->playing = false;
        Err err;
        write_record(p, pl, &err); /* at worst the game is resumed at the next start */
    }
    p->version++;
}

void players_moved(Players *p, Player *pl, bool restarted)
{
    pl->updated = (double)time(NULL);
    p->version++;
    if (!restarted || !pl->session)
        return;
    if (p->results_dir) { /* play again: a new game, a new results file */
        pl->game++;
        char *name = results_file(p, pl, session_root(pl->session)->id);
        session_set_results_file(pl->session, name);
        free(name);
    }
    Err err;
    if (write_record(p, pl, &err) != 0)
        utf8_fprintf(stderr, "ladder serve: player %s: %s\n", pl->id, err.msg);
}

size_t players_count(const Players *p) { return p->n; }
Player *players_at(Players *p, size_t i) { return i < p->n ? p->v[i] : NULL; }
unsigned long players_version(const Players *p) { return p->version; }
bool players_participants(const Players *p) { return p->results_dir != NULL; }

bool players_can_continue(const Players *p, const Player *pl, const char *story_id)
{
    char *saves = xasprintf("%s/%s/saves/%s", p->players_dir, pl->id, story_id);
    int slots[AUTOSAVE_MAX_SLOTS];
    bool held[AUTOSAVE_MAX_SLOTS];
    size_t n = autosave_existing(saves, slots, held);
    free(saves);
    return n > 0;
}
