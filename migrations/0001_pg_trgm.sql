-- Trigram matching for product search (pinyin keys, codes, typos). Trusted extension: a non-superuser database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
