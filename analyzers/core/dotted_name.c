#include "dotted_name.h"

#include <stddef.h>

bool dotted_name_valid(const char *text, unsigned form) {
  if (!text)
    return false;
  size_t part = 0;
  for (const unsigned char *at = (const unsigned char *)text;; at++) {
    if (*at == '\0' || (*at == '.' && (form & DOTTED_NAME_DOTS))) {
      if (part == 0)
        return false;
      if (*at == '\0')
        return true;
      part = 0;
      continue;
    }
    bool letter = (*at >= 'a' && *at <= 'z') || (*at >= 'A' && *at <= 'Z') || *at == '_' ||
                  (*at >= 0x80 && (form & DOTTED_NAME_UNICODE));
    bool digit = *at >= '0' && *at <= '9';
    if (!letter && !(digit && part > 0))
      return false;
    part++;
  }
}
