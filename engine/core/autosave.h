/* autosave.h: a story's autosave file, owned by one game at a time, growing by one decision at a
 * time.
 *
 * Ownership: a game holds an exclusive flock() on SAVE_DIR/autosave.lock for its whole life. A
 * second game of the same story (same data folder) finds it held and takes the next free one,
 * autosave-2.lock, and autosaves to autosave-2.json; and so on up to AUTOSAVE_MAX_SLOTS. A lock
 * dies with its process (the kernel releases it, even on kill -9), so a crashed game never
 * blocks another.
 *
 * Cost: the file is a version-2 save (core/save.h): head + one line per decision + tail. The
 * first write is whole and atomic (a temporary, fsync, rename); after it a new decision is one
 * ftruncate() to the end of the last decision and one pwrite() of the new line and tail, and an
 * undone decision one ftruncate() and one pwrite() of the tail: O(1) per decision. A crash at
 * any moment leaves the file ending after the last decision or the one in flight, at worst with
 * a torn last line, which the reader leaves out. Appends are fdatasync'ed at most once a second
 * (a person takes longer than that to decide, so their every decision is synced; a burst from a
 * script is synced once a second); a whole write always is. */
#ifndef LADDER_AUTOSAVE_H
#define LADDER_AUTOSAVE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/util.h"

/* How many games of one story can autosave at once (autosave.json, autosave-2.json, ...). */
#define AUTOSAVE_MAX_SLOTS 99

typedef struct Autosave Autosave;

/* Take the autosave of save_dir (created if missing): the slot `prefer` (1 = autosave.json,
 * k = autosave-k.json) if its lock is free, else the first free slot. Returns NULL with err
 * when no slot is free or the folder cannot be made. Free with autosave_close, which releases
 * the lock. */
Autosave *autosave_open(const char *save_dir, int prefer, Err *err);
/* Close the file, release the slot's lock and free a (the file stays). NULL: nothing. */
void autosave_close(Autosave *a);

/* The file this game autosaves to (owned by a, valid until autosave_close), and its slot
 * number (1 for autosave.json). */
const char *autosave_path(const Autosave *a);
int autosave_slot(const Autosave *a);

/* The autosaves of save_dir that exist (autosave.json, autosave-k.json), the one most recently
 * written first: slot numbers in slots (AUTOSAVE_MAX_SLOTS of them), count returned. busy[k]
 * (optional) says whether slot k's lock is held by a game running now. */
size_t autosave_existing(const char *save_dir, int *slots, bool *busy);
/* The path of slot k's file in save_dir. malloc'd: the caller frees it. */
char *autosave_slot_path(const char *save_dir, int slot);

/* Write the whole save: head, n records, tail (core/save.h save_*_text), atomically. The
 * records are then the ones this file holds. Returns 0 or -1 with err. */
int autosave_write(Autosave *a, const char *head, char *const *records, size_t n,
                   const char *tail, Err *err);
/* The file holds n records and can take an append or a drop in place: true when the last
 * autosave_write/append/drop succeeded with n records and the file was not replaced since. */
bool autosave_holds(Autosave *a, size_t n);
/* One more record (its text starts with its separator), and the new tail, written in place
 * (call only when autosave_holds says the file can take it). Returns 0 or -1 with err. */
int autosave_append(Autosave *a, const char *record, const char *tail, Err *err);
/* One record fewer, and the new tail, in place (as autosave_append). Returns 0 or -1 with err. */
int autosave_drop(Autosave *a, const char *tail, Err *err);
/* A game resumed from this file (Continue): when the file is head (save_head_text's, byte for
 * byte), then n >= 1 records of which the last is last (save_record_text's), then a tail, take
 * it as written, so that the next decision is appended in place rather than the whole file
 * written again (issue 16, item 14: 10,000 decisions took 380 M instructions to write at the
 * first decision after Continue). Reads the file once. False, with nothing changed, when the
 * file holds anything else (another engine or story version, fewer decisions replayed). */
bool autosave_adopt(Autosave *a, const char *head, size_t n, const char *last);
/* Forget what the file holds: the next save must be whole (after a load, say). */
void autosave_forget(Autosave *a);

#endif
