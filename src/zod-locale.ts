/**
 * English messages for zod's own issues (`Invalid input: expected string,
 * received number`, `Too small: expected number to be >=100`). zod/mini loads
 * no locale, where classic zod registered English with its first schema:
 * without this, every issue a schema gives no message for reads `Invalid
 * input`. The modules that turn issues into text import it; a locale
 * configured before it is kept.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

if (!z.core.globalConfig.localeError) z.config(en());
