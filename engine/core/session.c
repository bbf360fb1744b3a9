/* session.c: one game or campaign, its autosave and its save slots (its results files are
 * session_results.c's). */
#include "core/session.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <errno.h>
#include <unistd.h>

#include "core/autosave.h"
#include "core/catalog.h"
#include "core/gallery.h"
#include "core/host.h"
#include "core/paths.h"
#include "core/results.h"
#include "core/save.h"
#include "core/saves.h"
#include "core/session_int.h"
#include "core/utf8.h"


uint64_t session_random_seed(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = ((uint64_t)ts.tv_sec * 1000000007ULL) ^ (uint64_t)ts.tv_nsec ^
                 ((uint64_t)getpid() << 32);
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x % 1000000000ULL; /* short enough to read aloud in a workshop */
}

void session_notice(Session *s, const char *fmt, ...)
{
    if (s->notice.len)
        buf_putc(&s->notice, '\n');
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&s->notice, fmt, ap);
    va_end(ap);
}

void session_tell(Session *s, const char *text)
{
    session_notice(s, "%s", text);
}

char *session_take_notice(Session *s)
{
    const HostOps *h = s->story->host_ops;
    char *w = h && h->take_warning ? h->take_warning(s->story->host) : NULL;
    if (w) /* for the story's author: the story plays on */
        session_notice(s, "Warning: %s", w);
    free(w);
    return s->notice.len ? buf_take(&s->notice) : NULL;
}

/* The local time as YYYYmmdd-HHMMSS, for file names. */
static void local_stamp(char *buf, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, n, "%Y%m%d-%H%M%S", &tm);
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static char *slot_path(const Session *s, const char *name_or_path)
{
    if (strchr(name_or_path, '/') || util_str_ends_with(name_or_path, ".json"))
        return xstrdup(name_or_path);
    return s->save_dir ? xasprintf("%s/%s.json", s->save_dir, name_or_path) : NULL;
}

static const char *autosave_file(const Session *s)
{
    return s->autosave ? autosave_path(s->autosave) : NULL;
}

static char *session_to_json(const Session *s, Err *err);

/* True when the save at path holds the game s plays now: the same story, seed, player and
 * decisions (in every chapter), so it replays to the same place and setting it aside would
 * keep nothing the autosave about to be written does not. */
static bool holds_this_game(const Session *s, const char *path)
{
    Err err;
    SaveData on_disk, now;
    if (save_read(path, &on_disk, &err) != 0)
        return false;
    char *text = session_to_json(s, &err);
    bool same = false;
    if (text && save_parse(text, strlen(text), &now, &err) == 0) {
        same = saves_same_game(&on_disk, &now);
        save_data_free(&now);
    }
    free(text);
    save_data_free(&on_disk);
    return same;
}

/* Move the autosave of an earlier game aside, under a name the player can load (unless it
 * holds the very game about to be written over it: a save loaded again, say). */
static void keep_old_autosave(Session *s)
{
    s->backup_pending = false;
    const char *path_now = autosave_file(s);
    if (!path_now || !exists(path_now) || holds_this_game(s, path_now))
        return;
    char stamp[32];
    local_stamp(stamp, sizeof stamp);
    char *name = xasprintf("autosave-%s", stamp);
    char *path = slot_path(s, name);
    for (int k = 2; exists(path) && k < 1000; k++) {
        free(name);
        free(path);
        name = xasprintf("autosave-%s-%d", stamp, k);
        path = slot_path(s, name);
    }
    /* link() fails instead of replacing a file that appeared meanwhile; then unlink the old */
    if (!exists(path) && link(path_now, path) == 0 && unlink(path_now) == 0)
        session_notice(s, "Your previous game was kept as the save '%s' (load %s).", name, name);
    else
        session_notice(s, "Could not keep the previous autosave aside; autosave is off for this game.");
    if (exists(path_now)) { /* never overwrite what we could not move */
        autosave_close(s->autosave);
        s->autosave = NULL;
    }
    free(name);
    free(path);
}

static void grow_past(Session *s)
{
    s->past_stories = xrealloc(s->past_stories, (s->n_past + 1) * sizeof *s->past_stories);
    s->past_games = xrealloc(s->past_games, (s->n_past + 1) * sizeof *s->past_games);
}

static bool is_campaign(const Session *s)
{
    return s->root->n_chapters > 0;
}

SaveSource session_source(const Session *s, const Game ***games)
{
    *games = xmalloc((s->n_past + 1) * sizeof **games);
    for (size_t i = 0; i < s->n_past; i++)
        (*games)[i] = s->past_games[i];
    (*games)[s->n_past] = s->game;
    SaveSource src = {.root = s->root, .seed = s->seed, .games = *games,
                      .n_games = s->n_past + 1, .created = s->created};
    return src;
}

/* Resuming this game's own autosave: the file already holds the game, so the next decision
 * appends to it (autosave_adopt) instead of writing it whole. */
static void adopt_autosave(Session *s)
{
    Err err;
    const Game **games;
    SaveSource src = session_source(s, &games);
    size_t n = game_decision_count(s->game);
    char *head = save_head_text(&src, &err);
    char *last = head && n ? save_record_text(&src, n - 1, &err) : NULL;
    if (last && autosave_adopt(s->autosave, head, n, last))
        s->saved_chapter = s->n_past;
    free(last);
    free(head);
    free(games);
}

/* The whole save of the session, or NULL with err (a limit of the format). */
static char *session_to_json(const Session *s, Err *err)
{
    const Game **games;
    SaveSource src = session_source(s, &games);
    char *text = save_text(&src, err);
    free(games);
    return text;
}

/* Load chapter i of the campaign: a sibling folder of the campaign's, else a bundled story. */
static Story *load_chapter(const Session *s, size_t i, Err *err)
{
    return catalog_open_chapter(s->root, i, err);
}

static void drop_past(Session *s)
{
    for (size_t i = 0; i < s->n_past; i++) {
        game_free(s->past_games[i]);
        if (s->past_stories[i] != s->root)
            story_free(s->past_stories[i]);
    }
    s->n_past = 0;
}

/* Replace the current game (and story, for campaigns), freeing the old ones. */
static void set_current(Session *s, Story *story, Game *g)
{
    game_free(s->game);
    if (s->story && s->story != s->root && s->story != story)
        story_free(s->story);
    s->story = story;
    s->game = g;
}

/* Save the game to its autosave: in place when the file holds the same chapter with one
 * decision fewer (a decision taken) or one more (one undone), else whole (autosave.h). */
static void autosave(Session *s)
{
    if (!s->autosave)
        return;
    if (s->backup_pending)
        keep_old_autosave(s);
    if (!s->autosave)
        return;
    Err err;
    const Game **games;
    SaveSource src = session_source(s, &games);
    size_t n = game_decision_count(s->game);
    bool same = s->saved_chapter == s->n_past;
    char *tail = save_tail_text(&src, &err);
    int rc = tail ? 0 : -1;
    if (rc == 0 && same && n > 0 && autosave_holds(s->autosave, n - 1)) {
        char *rec = save_record_text(&src, n - 1, &err);
        rc = rec ? autosave_append(s->autosave, rec, tail, &err) : -1;
        free(rec);
    } else if (rc == 0 && same && autosave_holds(s->autosave, n + 1)) {
        rc = autosave_drop(s->autosave, tail, &err);
    } else if (rc == 0) {
        char *head = save_head_text(&src, &err);
        char **recs = xcalloc(n ? n : 1, sizeof *recs);
        for (size_t i = 0; head && i < n; i++)
            if (!(recs[i] = save_record_text(&src, i, &err)))
                break;
        rc = head && (n == 0 || recs[n - 1])
                 ? autosave_write(s->autosave, head, recs, n, tail, &err)
                 : -1;
        for (size_t i = 0; i < n; i++)
            free(recs[i]);
        free(recs);
        free(head);
        s->saved_chapter = s->n_past;
    }
    free(tail);
    free(games);
    if (rc != 0) {
        autosave_forget(s->autosave);
        session_notice(s, "Autosave failed: %s", err.msg);
    } else if (autosave_slot(s->autosave) > 1 && !s->told_slot) {
        s->told_slot = true;
        const char *p = autosave_file(s), *base = strrchr(p, '/');
        session_notice(s,
               "This story is open in another game, which autosaves to autosave.json: this game "
               "autosaves to its own file, %s ('ladder play %s --continue' resumes the most "
               "recent autosave).",
               base ? base + 1 : p, s->root->id);
    }
}

/* Rebuild a campaign's chapters from a save; the session changes only on success. */
/* A save's replay stopped after `applied` of n decisions, at step `at`. Either the story was
 * edited since (its files' hash differs from the save's), or its files are the same and it
 * does not play the same way twice; say which. what: "The story" or "Chapter 'x'". */
static void notice_replay_stopped(Session *s, const char *what, const char *save_hash,
                                  const Story *story, size_t applied, size_t n, const Step *at)
{
    if (save_hash && strcmp(save_hash, story->hash) == 0)
        session_notice(s,
               "%s does not play the same way twice: its files are as they were when this game "
               "was saved, yet replaying the save went elsewhere after decision %zu of %zu (the "
               "next decision was scene '%s', choice '%s'); the game resumes there. "
               GAME_DIVERGED_WHY,
               what, applied, n, at->scene, at->choice);
    else
        session_notice(s,
               "%s has changed since this save: it resumes after decision %zu of %zu (scene '%s' "
               "no longer offers '%s').",
               what, applied, n, at->scene, at->choice);
}

static int load_campaign(Session *s, const SaveData *d, Err *err)
{
    if (d->n_chapters == 0 || d->n_chapters > s->root->n_chapters) {
        err_set(err, "the save does not hold the chapters of the campaign '%s'", s->root->id);
        return -1;
    }
    Story **stories = xcalloc(d->n_chapters, sizeof *stories);
    Game **games = xcalloc(d->n_chapters, sizeof *games);
    size_t n = 0;
    int rc = 0;
    for (size_t i = 0; i < d->n_chapters; i++) {
        const SaveChapter *c = &d->chapters[i];
        if (strcmp(c->story_id, s->root->chapters[i]) != 0) {
            err_set(err, "chapter %zu of the save is '%s', but the campaign plays '%s' there",
                    i + 1, c->story_id, s->root->chapters[i]);
            rc = -1;
            break;
        }
        Story *story = load_chapter(s, i, err);
        if (!story) {
            rc = -1;
            break;
        }
        size_t applied;
        Game *g = game_replay_after(story, c->seed, d->player, n ? games[n - 1] : NULL,
                                    &s->root->between, c->steps, c->n_steps, &applied, err);
        if (!g) {
            story_free(story);
            rc = -1;
            break;
        }
        stories[n] = story;
        games[n++] = g;
        if (applied < c->n_steps) {
            char *what = xasprintf("Chapter '%s'", story->id);
            notice_replay_stopped(s, what, c->hash, story, applied, c->n_steps,
                                  &c->steps[applied]);
            free(what);
            break;
        }
        if (!game_ended(g))
            break;
    }
    if (rc != 0) {
        for (size_t i = 0; i < n; i++) {
            game_free(games[i]);
            story_free(stories[i]);
        }
    } else {
        drop_past(s);
        set_current(s, NULL, NULL);
        for (size_t i = 0; i + 1 < n; i++) {
            grow_past(s);
            s->past_stories[s->n_past] = stories[i];
            s->past_games[s->n_past++] = games[i];
        }
        s->story = stories[n - 1];
        s->game = games[n - 1];
    }
    free(stories);
    free(games);
    return rc;
}

/* Replace the game with the one in a save. */
/* Replace the game with the one a parsed save holds; path names it in messages. */
static int load_data(Session *s, SaveData d, const char *path, Err *err);

static int load_into(Session *s, const char *path, Err *err)
{
    SaveData d;
    if (save_read(path, &d, err) != 0)
        return -1;
    return load_data(s, d, path, err);
}

static int load_data(Session *s, SaveData d, const char *path, Err *err)
{
    if (strcmp(d.story_id, s->root->id) != 0) {
        err_set(err, "%s: this save is for the story '%s', not '%s'", path, d.story_id,
                s->root->id);
        save_data_free(&d);
        return -1;
    }
    int rc = 0;
    if (is_campaign(s)) {
        rc = load_campaign(s, &d, err);
        if (rc != 0)
            err_prefix(err, "%s: ", path);
        else
            s->seed = d.seed;
    } else {
        size_t applied;
        Game *g = game_replay(s->root, d.seed, d.player, d.steps, d.n_steps, &applied, err);
        if (!g) {
            rc = -1;
        } else {
            if (applied < d.n_steps)
                notice_replay_stopped(s, "The story", d.hash, s->root, applied, d.n_steps,
                                      &d.steps[applied]);
            set_current(s, s->root, g);
            s->seed = d.seed;
        }
    }
    if (rc == 0) {
        snprintf(s->created, sizeof s->created, "%s", d.created ? d.created : "");
        if (s->autosave) /* another game now: the next autosave is written whole */
            autosave_forget(s->autosave);
        if (d.torn_line)
            session_notice(s,
                   "The end of %s was cut short (Ladder stopped while writing it): its line %zu "
                   "is left out, and the game resumes after the decisions before it.",
                   path, d.torn_line);
    }
    save_data_free(&d);
    return rc;
}

/* A crash in the middle of an atomic write leaves NAME.json.tmp-XXXXXX behind; the save it was
 * replacing is intact, so the temporary is only litter. */
static void remove_stale_temporaries(const Session *s)
{
    DIR *d = s->save_dir ? opendir(s->save_dir) : NULL;
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strstr(e->d_name, ".json.tmp-") || util_str_ends_with(e->d_name, ".json.new")) {
            char *p = xasprintf("%s/%s", s->save_dir, e->d_name);
            struct stat st; /* not one another Ladder is writing right now */
            if (stat(p, &st) == 0 && time(NULL) - st.st_mtime > 60)
                unlink(p);
            free(p);
        }
    }
    closedir(d);
}

/* --continue: the autosave to resume, newest first among those no running game holds, else
 * the newest (another game has it open: this one will autosave elsewhere). Its slot in *slot,
 * whether a running game holds it in *busy. NULL when the story has no autosave. */
static char *autosave_to_resume(const Session *s, int *slot, bool *busy)
{
    int slots[AUTOSAVE_MAX_SLOTS];
    bool held[AUTOSAVE_MAX_SLOTS];
    size_t n = s->save_dir ? autosave_existing(s->save_dir, slots, held) : 0;
    if (n == 0)
        return NULL;
    size_t pick = 0;
    while (pick < n && held[pick])
        pick++;
    if (pick == n)
        pick = 0;
    *slot = slots[pick];
    *busy = held[pick];
    return autosave_slot_path(s->save_dir, slots[pick]);
}

/* A damaged autosave is set aside as autosave-damaged-TIME.json, never deleted. err says so. */
static void set_aside(Session *s, const char *path, const char *why, bool busy, Err *err)
{
    char stamp[32];
    local_stamp(stamp, sizeof stamp);
    char *aside = xasprintf("%s/autosave-damaged-%s.json", s->save_dir, stamp);
    for (int k = 2; exists(aside) && k < 1000; k++) {
        free(aside);
        aside = xasprintf("%s/autosave-damaged-%s-%d.json", s->save_dir, stamp, k);
    }
    if (!busy && !exists(aside) && link(path, aside) == 0 && unlink(path) == 0)
        err_set(err, "the autosave of '%s' is damaged (%s); it was kept as %s. Start a new game "
                     "with 'ladder play %s'.",
                s->root->id, why, aside, s->root->id);
    else
        err_set(err, "the autosave of '%s' is damaged: %s", s->root->id, why);
    free(aside);
}

Session *session_open(Story *story, const SessionOptions *o, Err *err)
{
    Session *s = xcalloc(1, sizeof *s);
    s->root = story;
    if (!o->no_autosave) {
        Err derr;
        s->save_dir = o->dir ? xasprintf("%s/saves/%s", o->dir, story->id)
                             : paths_save_dir(story->id, &derr);
        if (!s->save_dir)
            session_notice(s, "Saving is off: %s", derr.msg);
        if (o->dir) {
            s->gallery_path = xasprintf("%s/gallery.json", o->dir);
            s->gallery = gallery_load(s->gallery_path, &derr);
        } else {
            s->gallery = gallery_open(&s->gallery_path, &derr);
        }
        if (!s->gallery && s->gallery_path)
            session_notice(s, "The endings gallery is off: %s", derr.msg);
    } else {
        Err gerr; /* read only, and quietly */
        s->gallery = gallery_open(NULL, &gerr);
    }
    s->seed_given = o->seed_given;
    save_timestamp(s->created, sizeof s->created);
    remove_stale_temporaries(s);
    int resume_slot = 1;
    bool resume_busy = false;
    if (o->resume || o->load) {
        char *path = o->load ? slot_path(s, o->load)
                             : autosave_to_resume(s, &resume_slot, &resume_busy);
        if (!path && o->load) {
            err_set(err, "there is no save folder to load '%s' from", o->load);
            session_free(s);
            return NULL;
        }
        if (o->resume && !path) {
            char *where = s->save_dir ? autosave_slot_path(s->save_dir, 1) : xstrdup("");
            err_set(err, "there is no autosave of '%s' to continue (%s)", story->id, where);
            free(where);
            session_free(s);
            return NULL;
        }
        if (o->resume) { /* a damaged autosave is set aside, never deleted */
            SaveData d;
            Err rerr;
            if (save_read(path, &d, &rerr) == -1 && exists(path)) {
                set_aside(s, path, rerr.msg, resume_busy, err);
                free(path);
                session_free(s);
                return NULL;
            }
            save_data_free(&d);
        }
        int rc = load_into(s, path, err);
        free(path);
        if (rc == 0 && !s->game) {
            err_set(err, "the save holds no game");
            rc = -1;
        }
        if (rc != 0) {
            session_free(s);
            return NULL;
        }
    }
    if (s->save_dir) { /* this game's own autosave, locked for its life (autosave.h) */
        Err aerr;
        s->autosave = autosave_open(s->save_dir, resume_slot, &aerr);
        if (!s->autosave)
            session_notice(s, "Autosave is off for this game: %s", aerr.msg);
    }
    if (o->resume || o->load) {
        /* resuming an autosave another game holds, or loading a save: whatever file this game
         * autosaves to belongs to an earlier game. It is moved aside and the game written in
         * its place now, not at the first decision, so a player who leaves before deciding
         * finds this game, the one played last, under Continue (issue 16, item 7) */
        s->backup_pending = o->load != NULL ||
                            (s->autosave && autosave_slot(s->autosave) != resume_slot);
        if (s->backup_pending)
            autosave(s);
        else if (s->autosave && o->resume)
            adopt_autosave(s);
        return s;
    }
    s->seed = o->seed_given ? o->seed : session_random_seed();
    Story *first = is_campaign(s) ? load_chapter(s, 0, err) : story;
    Game *g = first ? game_new(first, s->seed, o->player, err) : NULL;
    if (!g) {
        if (first != story)
            story_free(first);
        session_free(s);
        return NULL;
    }
    set_current(s, first, g);
    s->backup_pending = true;
    return s;
}

void session_free(Session *s)
{
    if (!s)
        return;
    free(s->results_dir);
    free(s->session_code);
    free(s->results_path);
    free(s->results_written);
    free(s->results_name);
    gallery_free(s->gallery);
    free(s->gallery_path);
    drop_past(s);
    free(s->past_stories);
    free(s->past_games);
    set_current(s, NULL, NULL);
    story_free(s->root);
    free(s->save_dir);
    autosave_close(s->autosave);
    buf_free(&s->notice);
    free(s);
}

const Game *session_game(const Session *s) { return s->game; }
const Story *session_story(const Session *s) { return s->story; }

int session_reload(Session *s, Err *err)
{
    Story *fresh = story_load(s->root->path, err);
    if (!fresh)
        return -1;
    if (strcmp(fresh->id, s->root->id) != 0) {
        err_set(err, "%s now declares the story '%s', not '%s'", s->root->path, fresh->id,
                s->root->id);
        story_free(fresh);
        return -1;
    }
    char *text = session_to_json(s, err);
    SaveData d;
    int rc = text ? save_parse(text, strlen(text), &d, err) : -1;
    free(text);
    if (rc != 0) {
        story_free(fresh);
        return -1;
    }
    /* build the new state in a scratch session, then swap it in */
    Session tmp = *s;
    tmp.root = fresh;
    tmp.story = NULL;
    tmp.game = NULL;
    tmp.past_stories = NULL;
    tmp.past_games = NULL;
    tmp.n_past = 0;
    tmp.notice = (Buf){0};
    if (load_data(&tmp, d, s->root->path, err) != 0) {
        drop_past(&tmp);
        free(tmp.past_stories);
        free(tmp.past_games);
        set_current(&tmp, NULL, NULL);
        buf_free(&tmp.notice);
        story_free(fresh);
        return -1;
    }
    drop_past(s);
    free(s->past_stories);
    free(s->past_games);
    set_current(s, NULL, NULL);
    story_free(s->root);
    Buf keep = s->notice;
    *s = tmp;
    if (tmp.notice.len) {
        if (keep.len)
            buf_putc(&keep, '\n');
        buf_add(&keep, tmp.notice.s, tmp.notice.len);
        buf_free(&tmp.notice);
    }
    s->notice = keep;
    return 0;
}
const Story *session_root(const Session *s) { return s->root; }
size_t session_chapter(const Session *s) { return s->n_past; }

const Game *session_past_game(const Session *s, size_t i)
{
    return i < s->n_past ? s->past_games[i] : NULL;
}

const char *session_next_chapter(const Session *s)
{
    if (!is_campaign(s) || !game_ended(s->game) || s->n_past + 1 >= s->root->n_chapters)
        return NULL;
    return s->root->chapters[s->n_past + 1];
}

const Gallery *session_gallery(const Session *s) { return s->gallery; }

int session_restart(Session *s, Err *err)
{
    uint64_t seed = s->seed_given ? s->seed : session_random_seed();
    Story *first = is_campaign(s) ? load_chapter(s, 0, err) : s->root;
    Game *g = first ? game_new(first, seed, game_player(s->game), err) : NULL;
    if (!g) {
        if (first && first != s->root)
            story_free(first);
        return STATUS_FAILED;
    }
    drop_past(s);
    set_current(s, first, g);
    s->seed = seed;
    s->backup_pending = true; /* the last game's autosave is kept as a save at the next move */
    return 0;
}

bool session_wants_name(const Session *s)
{
    return (s->root->ask_name || s->story->ask_name) && !s->anonymous && s->n_past == 0 &&
           game_decision_count(s->game) == 0 && !*game_player(s->game);
}

int session_set_player(Session *s, const char *name, Err *err)
{
    while (*name == ' ' || *name == '\t')
        name++;
    size_t n = strlen(name);
    while (n && (name[n - 1] == ' ' || name[n - 1] == '\t'))
        n--;
    bool ok = n > 0 && n <= SESSION_MAX_NAME && utf8_valid(name, n);
    for (size_t i = 0; ok && i < n; i++)
        ok = (unsigned char)name[i] >= 0x20 && name[i] != 0x7f;
    if (!ok) {
        err_set(err, "a name is 1 to %d characters, with no control characters",
                SESSION_MAX_NAME);
        return STATUS_FAILED;
    }
    if (s->n_past > 0 || game_decision_count(s->game) > 0) {
        err_set(err, "the name is given before the first decision");
        return STATUS_NO_SUCH;
    }
    char *copy = xstrndup(name, n);
    Game *g = game_new(s->story, s->seed, copy, err);
    free(copy);
    if (!g)
        return STATUS_FAILED;
    set_current(s, s->story, g);
    return 0;
}

int session_advance(Session *s, Err *err)
{
    if (!session_next_chapter(s)) {
        err_set(err, "there is no next chapter to go on to");
        return STATUS_NO_SUCH;
    }
    size_t k = s->n_past + 1;
    Story *story = load_chapter(s, k, err);
    if (!story)
        return -1;
    Game *g = game_new_after(story, s->seed + k, game_player(s->game), s->game,
                             &s->root->between, err);
    if (!g) {
        story_free(story);
        return -1;
    }
    grow_past(s);
    s->past_stories[s->n_past] = s->story;
    s->past_games[s->n_past++] = s->game;
    s->story = story;
    s->game = g;
    autosave(s);
    if (s->results_name) {
        Err rerr;
        session_results_update(s, &rerr);
    }
    return 0;
}
const char *session_autosave_path(const Session *s) { return autosave_file(s); }

int session_choose(Session *s, size_t i, double seconds, Err *err)
{
    if (game_ended(s->game)) {
        err_set(err, "the story has ended");
        return STATUS_NO_SUCH;
    }
    size_t n = game_choice_count(s->game);
    if (i >= n && i - n < game_locked_count(s->game)) {
        err_set(err, "\"%s\" is locked: %s", game_locked_text(s->game, i - n),
                game_locked_reason(s->game, i - n));
        return STATUS_NO_SUCH;
    }
    if (i >= n) {
        err_set(err, "there is no choice %zu here", i + 1);
        return STATUS_NO_SUCH;
    }
    if (game_choose(s->game, i, seconds, err) != 0) {
        /* handled below */
        /* the game is half-way through a failed decision: rebuild it as it was */
        Err rerr;
        Game *back = game_rewind(s->game, game_decision_count(s->game), &rerr);
        if (back) {
            game_free(s->game);
            s->game = back;
        }
        return -1;
    }
    autosave(s);
    if (game_ended(s->game) && s->gallery && s->gallery_path &&
        gallery_add(s->gallery, s->story->id, game_scene(s->game)->id)) {
        Err gerr;
        if (gallery_save(s->gallery, s->gallery_path, &gerr) != 0)
            session_notice(s, "The endings gallery was not saved: %s", gerr.msg);
    }
    if ((game_ended(s->game) && !session_next_chapter(s)) || s->results_name) {
        Err rerr; /* the notice tells the player; the exit status tells the caller */
        session_results_update(s, &rerr);
    }
    return 0;
}

int session_choose_id(Session *s, const char *id, double seconds, Err *err)
{
    for (size_t i = 0; i < game_choice_count(s->game); i++)
        if (strcmp(game_choice(s->game, i)->id, id) == 0)
            return session_choose(s, i, seconds, err);
    for (size_t i = 0; i < game_locked_count(s->game); i++)
        if (strcmp(game_locked_choice(s->game, i)->id, id) == 0)
            return session_choose(s, game_choice_count(s->game) + i, seconds, err);
    err_set(err, "there is no choice '%s' here", id);
    return STATUS_NO_SUCH;
}

static int undo_step(Session *s, Err *err)
{
    size_t n = game_decision_count(s->game);
    if (n == 0 && s->n_past > 0) { /* back into the previous chapter, before its ending */
        Story *story = s->past_stories[s->n_past - 1];
        Game *prev = s->past_games[s->n_past - 1];
        Game *g = game_rewind(prev, game_decision_count(prev) - 1, err);
        if (!g)
            return -1;
        s->n_past--;
        set_current(s, story, g);
        game_free(prev);
        autosave(s);
        return 0;
    }
    if (n == 0) {
        err_set(err, "nothing to undo: this is the first decision");
        return -1;
    }
    Game *g = game_rewind(s->game, n - 1, err);
    if (!g)
        return -1;
    game_free(s->game);
    s->game = g;
    autosave(s);
    return 0;
}

int session_undo(Session *s, Err *err)
{
    int rc = undo_step(s, err);
    if (rc == 0 && s->results_name) { /* the results file follows the game back */
        Err rerr;
        session_results_update(s, &rerr);
    }
    return rc;
}

int session_save(Session *s, const char *name, char **path, Err *err)
{
    /* autosave and autosave-N are the autosaves of games open at once (autosave.h) */
    bool autosave_name = strcmp(name, "autosave") == 0 ||
                         (strncmp(name, "autosave-", 9) == 0 && name[9] &&
                          strspn(name + 9, "0123456789") == strlen(name + 9));
    if (!paths_valid_save_name(name) || autosave_name) {
        err_set(err, "'%s' is not a save name: use 1 to 64 letters, digits, _ or - (and not "
                     "'autosave' or 'autosave-N')",
                name);
        return -1;
    }
    if (!s->save_dir) {
        err_set(err, "saving is off (no data folder)");
        return -1;
    }
    char *p = slot_path(s, name);
    char *text = session_to_json(s, err);
    int rc = text ? save_write_text(p, text, err) : -1;
    free(text);
    if (rc == 0 && path)
        *path = p;
    else
        free(p);
    return rc;
}

int session_load(Session *s, const char *name_or_path, Err *err)
{
    char *p = slot_path(s, name_or_path);
    if (!p) {
        err_set(err, "saving is off (no data folder)");
        return -1;
    }
    if (!exists(p)) {
        err_set(err, "no save named '%s'", name_or_path);
        free(p);
        return -1;
    }
    bool same = autosave_file(s) && strcmp(p, autosave_file(s)) == 0;
    int rc = load_into(s, p, err);
    free(p);
    if (rc == 0) { /* the loaded game is the one Continue resumes: autosaved now (session.h) */
        if (!same)
            s->backup_pending = true;
        autosave(s);
    }
    return rc;
}

SaveInfo *session_list_saves(const Session *s, size_t *n)
{
    *n = 0;
    return s->save_dir ? save_list(s->save_dir, n) : NULL;
}

void session_free_saves(SaveInfo *v, size_t n)
{
    save_list_free(v, n);
}

const char *session_save_dir(const Session *s)
{
    return s->save_dir;
}
