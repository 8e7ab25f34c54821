#include "file_budget.h"

void file_budget_start(file_budget *self, const strata_config *config) {
  self->seconds = config ? config->max_file_seconds : CONFIG_DEFAULT_MAX_FILE_SECONDS;
  self->memory = config ? config->max_file_memory : CONFIG_DEFAULT_MAX_FILE_MEMORY;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &self->start);
}

double file_budget_spent(const file_budget *self) {
  struct timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return (double)(now.tv_sec - self->start.tv_sec) + (now.tv_nsec - self->start.tv_nsec) / 1e9;
}

bool file_budget_time_is_up(const file_budget *self) {
  return file_budget_spent(self) > self->seconds;
}
