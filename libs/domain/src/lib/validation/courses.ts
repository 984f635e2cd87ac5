// A course's own fields (CourseInput), a module's (CourseModuleInput) and a material's
// (CourseMaterialInput), as the API checks them
// and the trainer's editor shows them. Rules that need the database (the cover file, the
// audience's organisations) stay in the API.
import { z } from 'zod';
import { ALL_ROLES } from '../roles';
import { COURSE_VISIBILITIES } from '../training';
import { distinctCodes, oneOf } from './codes';
import { MALFORMED_VALUE, optionalWholeNumber, orDefault, requiredText, say } from './kit';
import { blankAsNull, blankAsNullUpTo, optionalLongText } from './text-fields';

export const MAX_AUDIENCE_ORGANIZATIONS = 500;

/** A code the GraphQL enum has already checked: its message is never read by a person. */
const malformed = say(MALFORMED_VALUE.ja, MALFORMED_VALUE.en);

export const courseInputSchema = z.object({
  title: requiredText(1, 200, say('コース名を1〜200文字で入力してください。', 'Enter a course title of 1 to 200 characters.')),
  summary: optionalLongText(2000, say('概要は2000文字以内にしてください。', 'Keep the summary within 2,000 characters.')),
  estimatedMinutes: optionalWholeNumber(1, 10000, say('所要時間は1〜10000分で入力してください。', 'Give the estimated time as 1 to 10,000 minutes.')),
  coverFileId: orDefault(z.string(), null),
  audienceAll: z.boolean(),
  audienceRoles: orDefault(distinctCodes(ALL_ROLES, malformed), []),
  audienceOrganizationIds: z
    .array(z.string())
    .nullish()
    .transform((ids) => [...new Set(ids ?? [])])
    .refine((ids) => ids.length <= MAX_AUDIENCE_ORGANIZATIONS, say('対象の団体は500団体までです。', 'Choose at most 500 organisations.')),
  visibility: oneOf(COURSE_VISIBILITIES.codes, malformed),
});
export type CourseFields = z.output<typeof courseInputSchema>;

export const courseModuleInputSchema = z.object({
  title: requiredText(1, 200, say('単元名を1〜200文字で入力してください。', 'Enter a module title of 1 to 200 characters.')),
  description: optionalLongText(4000, say('説明は4000文字以内にしてください。', 'Keep the description within 4,000 characters.')),
  required: orDefault(z.boolean(), true),
});
export type ModuleFields = z.output<typeof courseModuleInputSchema>;

/** Said when a material names both a file and a link, or neither. */
const NEEDS_FILE_OR_URL = say('ファイルかURLのどちらか一方を指定してください。', 'Give either a file or a URL, not both and not neither.');

const HTTP_ADDRESS = /^https?:\/\/[^\s]+$/i;
const MAX_URL_LENGTH = 1000;

/** A material: a title and exactly one of a stored file and an http(s) link (reported on `url`). */
export const courseMaterialInputSchema = z
  .object({
    title: requiredText(1, 200, say('教材名を1〜200文字で入力してください。', 'Enter a material title of 1 to 200 characters.')),
    fileId: blankAsNull,
    url: blankAsNullUpTo(MAX_URL_LENGTH),
  })
  .superRefine((material, context) => {
    if ((material.fileId === null) === (material.url === null)) {
      context.addIssue({ code: 'custom', path: ['url'], message: NEEDS_FILE_OR_URL });
    } else if (material.url !== null && (!HTTP_ADDRESS.test(material.url) || material.url.length > MAX_URL_LENGTH)) {
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message: say('URLは http:// または https:// で始まる1000文字以内で入力してください。', 'Give an http:// or https:// address of at most 1,000 characters.'),
      });
    }
  });
export type MaterialFields = z.output<typeof courseMaterialInputSchema>;
