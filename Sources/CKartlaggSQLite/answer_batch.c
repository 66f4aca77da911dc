#include "answer_batch.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    int64_t respondent_id;
    int64_t question_key;
    size_t raw_offset;
    int raw_length;
    /// -1: NULL.
    int value_text_length;
    size_t value_text_offset;
    double value_number;
    int has_number;
    int is_free_text;
} AnswerRow;

struct KartlaggAnswerBatch {
    AnswerRow *rows;
    int count;
    int capacity;
    char *bytes;
    size_t used;
    size_t size;
};

static const char *const pointer_type = "kartlagg_answer_batch";

KartlaggAnswerBatch *kartlagg_answer_batch_new(void) {
    return calloc(1, sizeof(KartlaggAnswerBatch));
}

void kartlagg_answer_batch_free(KartlaggAnswerBatch *batch) {
    if (batch == NULL) return;
    free(batch->rows);
    free(batch->bytes);
    free(batch);
}

void kartlagg_answer_batch_clear(KartlaggAnswerBatch *batch) {
    batch->count = 0;
    batch->used = 0;
}

int kartlagg_answer_batch_count(const KartlaggAnswerBatch *batch) { return batch->count; }

/// Room for `more` bytes of text (offsets, not pointers, are kept: the buffer moves as it grows).
static int reserve_bytes(KartlaggAnswerBatch *batch, size_t more) {
    if (batch->used + more <= batch->size) return SQLITE_OK;
    size_t size = batch->size ? batch->size : 65536;
    while (size < batch->used + more) size *= 2;
    char *bytes = realloc(batch->bytes, size);
    if (bytes == NULL) return SQLITE_NOMEM;
    batch->bytes = bytes;
    batch->size = size;
    return SQLITE_OK;
}

int kartlagg_answer_batch_add(
    KartlaggAnswerBatch *batch, int64_t respondent_id, int64_t question_key, const char *raw, int raw_length,
    const char *value_text, int value_text_length, int has_number, double value_number, int is_free_text) {
    if (raw_length < 0 || (value_text != NULL && value_text_length < 0)) return SQLITE_MISUSE;
    if (batch->count == batch->capacity) {
        int capacity = batch->capacity ? batch->capacity * 2 : 1024;
        AnswerRow *rows = realloc(batch->rows, sizeof(AnswerRow) * (size_t)capacity);
        if (rows == NULL) return SQLITE_NOMEM;
        batch->rows = rows;
        batch->capacity = capacity;
    }
    size_t text = value_text ? (size_t)value_text_length : 0;
    if (reserve_bytes(batch, (size_t)raw_length + text) != SQLITE_OK) return SQLITE_NOMEM;
    AnswerRow *row = &batch->rows[batch->count];
    row->respondent_id = respondent_id;
    row->question_key = question_key;
    row->raw_offset = batch->used;
    row->raw_length = raw_length;
    if (raw_length > 0) memcpy(batch->bytes + batch->used, raw, (size_t)raw_length);
    batch->used += (size_t)raw_length;
    row->value_text_offset = batch->used;
    row->value_text_length = value_text ? value_text_length : -1;
    if (text > 0) memcpy(batch->bytes + batch->used, value_text, text);
    batch->used += text;
    row->value_number = value_number;
    row->has_number = has_number;
    row->is_free_text = is_free_text;
    batch->count += 1;
    return SQLITE_OK;
}

// MARK: - The virtual table

enum { COLUMN_RESPONDENT, COLUMN_QUESTION, COLUMN_RAW, COLUMN_VALUE_TEXT, COLUMN_VALUE_NUMBER, COLUMN_FREE_TEXT, COLUMN_BATCH };

typedef struct {
    sqlite3_vtab_cursor base;
    const KartlaggAnswerBatch *batch;
    int row;
} BatchCursor;

static int batch_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **table, char **error) {
    (void)aux; (void)argc; (void)argv; (void)error;
    int rc = sqlite3_declare_vtab(
        db, "CREATE TABLE x(respondentId, questionKey, raw, valueText, valueNumber, isFreeText, batch HIDDEN)");
    if (rc != SQLITE_OK) return rc;
    *table = sqlite3_malloc(sizeof(sqlite3_vtab));
    if (*table == NULL) return SQLITE_NOMEM;
    memset(*table, 0, sizeof(sqlite3_vtab));
    return SQLITE_OK;
}

static int batch_disconnect(sqlite3_vtab *table) {
    sqlite3_free(table);
    return SQLITE_OK;
}

/// The only plan: the batch given as the hidden argument, its rows in the order they were added.
static int batch_best_index(sqlite3_vtab *table, sqlite3_index_info *info) {
    (void)table;
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *constraint = &info->aConstraint[i];
        if (constraint->iColumn == COLUMN_BATCH && constraint->op == SQLITE_INDEX_CONSTRAINT_EQ) {
            if (!constraint->usable) return SQLITE_CONSTRAINT;
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            info->estimatedCost = 1000;
            info->estimatedRows = 1000;
            return SQLITE_OK;
        }
    }
    return SQLITE_CONSTRAINT;
}

static int batch_open(sqlite3_vtab *table, sqlite3_vtab_cursor **cursor) {
    (void)table;
    BatchCursor *opened = sqlite3_malloc(sizeof(BatchCursor));
    if (opened == NULL) return SQLITE_NOMEM;
    memset(opened, 0, sizeof(BatchCursor));
    *cursor = &opened->base;
    return SQLITE_OK;
}

static int batch_close(sqlite3_vtab_cursor *cursor) {
    sqlite3_free(cursor);
    return SQLITE_OK;
}

static int batch_filter(sqlite3_vtab_cursor *cursor, int plan, const char *plan_name, int argc, sqlite3_value **argv) {
    (void)plan; (void)plan_name;
    BatchCursor *batch_cursor = (BatchCursor *)cursor;
    batch_cursor->batch = argc > 0 ? sqlite3_value_pointer(argv[0], pointer_type) : NULL;
    batch_cursor->row = 0;
    return SQLITE_OK;
}

static int batch_next(sqlite3_vtab_cursor *cursor) {
    ((BatchCursor *)cursor)->row += 1;
    return SQLITE_OK;
}

static int batch_eof(sqlite3_vtab_cursor *cursor) {
    const BatchCursor *batch_cursor = (const BatchCursor *)cursor;
    return batch_cursor->batch == NULL || batch_cursor->row >= batch_cursor->batch->count;
}

static int batch_column(sqlite3_vtab_cursor *cursor, sqlite3_context *context, int column) {
    const BatchCursor *batch_cursor = (const BatchCursor *)cursor;
    const KartlaggAnswerBatch *batch = batch_cursor->batch;
    const AnswerRow *row = &batch->rows[batch_cursor->row];
    switch (column) {
    case COLUMN_RESPONDENT: sqlite3_result_int64(context, row->respondent_id); break;
    case COLUMN_QUESTION: sqlite3_result_int64(context, row->question_key); break;
    case COLUMN_RAW:
        // An empty text is text, not NULL: a non-NULL pointer with length 0.
        sqlite3_result_text(context, row->raw_length ? batch->bytes + row->raw_offset : "", row->raw_length, SQLITE_STATIC);
        break;
    case COLUMN_VALUE_TEXT:
        if (row->value_text_length < 0) {
            sqlite3_result_null(context);
        } else {
            sqlite3_result_text(
                context, row->value_text_length ? batch->bytes + row->value_text_offset : "", row->value_text_length, SQLITE_STATIC);
        }
        break;
    case COLUMN_VALUE_NUMBER:
        if (row->has_number) sqlite3_result_double(context, row->value_number); else sqlite3_result_null(context);
        break;
    case COLUMN_FREE_TEXT: sqlite3_result_int(context, row->is_free_text); break;
    default: sqlite3_result_null(context); break;
    }
    return SQLITE_OK;
}

static int batch_rowid(sqlite3_vtab_cursor *cursor, sqlite_int64 *rowid) {
    *rowid = ((const BatchCursor *)cursor)->row + 1;
    return SQLITE_OK;
}

// No xCreate: the table is eponymous only (used as `kartlagg_answer_batch(?)`, never created).
static sqlite3_module batch_module = {
    .iVersion = 0,
    .xConnect = batch_connect,
    .xBestIndex = batch_best_index,
    .xDisconnect = batch_disconnect,
    .xOpen = batch_open,
    .xClose = batch_close,
    .xFilter = batch_filter,
    .xNext = batch_next,
    .xEof = batch_eof,
    .xColumn = batch_column,
    .xRowid = batch_rowid,
};

int kartlagg_register_answer_batch(sqlite3 *db) {
    return sqlite3_create_module(db, "kartlagg_answer_batch", &batch_module, NULL);
}

int kartlagg_bind_answer_batch(sqlite3_stmt *statement, int index, KartlaggAnswerBatch *batch) {
    return sqlite3_bind_pointer(statement, index, batch, pointer_type, NULL);
}
