import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod's English messages for the issues drloop's schemas give no message of
 * their own ("Invalid option: expected one of …", "Too small: expected string
 * to have >=1 characters"). zod/mini loads no locale, and without one every
 * such issue reads "Invalid input". Classic zod sets English on its first
 * schema; importing this module does the same, and as there, a locale set
 * before wins. src/inputs.ts imports it, so every module that formats zod
 * issues for people (through formatIssues) has it before its first parse.
 */
if (!config().localeError) config(en());
