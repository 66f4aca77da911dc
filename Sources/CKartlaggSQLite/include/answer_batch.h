#ifndef KARTLAGG_ANSWER_BATCH_H
#define KARTLAGG_ANSWER_BATCH_H

#include <stdint.h>
#include <sqlite3.h>

/// A batch of answer rows held in C memory, read by SQLite through the table-valued function
/// `kartlagg_answer_batch(?)` (the batch bound with `kartlagg_bind_answer_batch`): an import's answers are written
/// with one `INSERT INTO answer … SELECT … FROM kartlagg_answer_batch(?)` a batch, their texts handed to SQLite
/// without a copy.
typedef struct KartlaggAnswerBatch KartlaggAnswerBatch;

/// A new, empty batch (NULL: out of memory).
KartlaggAnswerBatch *kartlagg_answer_batch_new(void);
void kartlagg_answer_batch_free(KartlaggAnswerBatch *batch);
/// Empties the batch, keeping its memory.
void kartlagg_answer_batch_clear(KartlaggAnswerBatch *batch);
int kartlagg_answer_batch_count(const KartlaggAnswerBatch *batch);

/// Appends a row; its texts are copied. `value_text` NULL is SQL NULL; `has_number` 0 makes `value_number` NULL.
/// Returns SQLITE_OK or SQLITE_NOMEM (the batch unchanged).
int kartlagg_answer_batch_add(
    KartlaggAnswerBatch *batch, int64_t respondent_id, int64_t question_key, const char *raw, int raw_length,
    const char *value_text, int value_text_length, int has_number, double value_number, int is_free_text);

/// Registers `kartlagg_answer_batch` on a connection (an eponymous virtual table; once per connection).
int kartlagg_register_answer_batch(sqlite3 *db);

/// Binds `batch` to parameter `index` of `statement` (SQLite's pointer passing: nothing else can read it).
int kartlagg_bind_answer_batch(sqlite3_stmt *statement, int index, KartlaggAnswerBatch *batch);

#endif
