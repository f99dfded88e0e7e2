/**
 * The instructor's side of a class beyond the dashboard: the class itself with its join code, a new join code,
 * the exam date, co-instructors, the roster, removing a student, and a student's answers in the class's course.
 * Who may do what is decided in lib/data/classes (instructors of the class and admins; members read the class).
 */
import { z } from 'zod';
import {
  addInstructor,
  classDetail,
  examDateSchema,
  removeStudent,
  rotateJoinCode,
  setExamDate,
} from '@/lib/data/classes/classes';
import { listMembers } from '@/lib/data/classes/members';
import { listStudentReviews } from '@/lib/data/review/history';
import { pageQuerySchema } from '@/lib/data/paging';
import { defineOperation } from '../operation';
import {
  classDetailSchema,
  classExamDateSchema,
  instructorAddedSchema,
  joinCodeSchema,
  memberPageSchema,
  memberRemovedSchema,
  reviewPageSchema,
} from '../schemas';

const uuidParam = z.uuid({ error: 'validation.idInvalid' });
const classParams = z.object({ classId: uuidParam });
const studentParams = classParams.extend({ studentId: uuidParam });

export const getClassOp = defineOperation({
  operationId: 'getClass',
  method: 'GET',
  path: '/classes/{classId}',
  summary: 'One class: course, exam date, instructors, assignments and (for its instructors) the join code',
  description: 'Members see the class without its join code (joinCode null).',
  tags: ['classes'],
  auth: 'user',
  params: classParams,
  response: classDetailSchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, params }) => classDetail(actor, params.classId),
});

export const rotateJoinCodeOp = defineOperation({
  operationId: 'rotateJoinCode',
  method: 'POST',
  path: '/classes/{classId}/join-code',
  summary: 'Give the class a new join code (the old one stops working)',
  description: 'Members who joined stay members.',
  tags: ['classes'],
  auth: 'user',
  params: classParams,
  response: joinCodeSchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, params }) => rotateJoinCode(actor, params.classId),
});

export const setClassExamDateOp = defineOperation({
  operationId: 'setClassExamDate',
  method: 'PUT',
  path: '/classes/{classId}/exam-date',
  summary: 'Set or clear the class’s exam date',
  description:
    'examDate is a calendar day (YYYY-MM-DD), taken as 09:00 in the instructor’s time zone; null clears it. It ' +
    'takes precedence over the members’ own exam dates for the course (setExamDate).',
  tags: ['classes'],
  auth: 'user',
  params: classParams,
  body: examDateSchema,
  response: classExamDateSchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, params, body }) => setExamDate(actor, params.classId, body),
});

export const addInstructorOp = defineOperation({
  operationId: 'addInstructor',
  method: 'POST',
  path: '/classes/{classId}/instructors',
  summary: 'Add a co-instructor by email',
  description: 'The user must exist and be an instructor or admin (403 for a student). Adding twice is harmless.',
  tags: ['classes'],
  auth: 'user',
  params: classParams,
  body: z.object({ email: z.email({ error: 'validation.emailInvalid' }) }),
  response: instructorAddedSchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, params, body, now }) => addInstructor(actor, params.classId, body, now),
});

export const listClassMembersOp = defineOperation({
  operationId: 'listClassMembers',
  method: 'GET',
  path: '/classes/{classId}/members',
  summary: 'The class’s active students in joining order, paged by cursor (instructors)',
  description: 'Their statistics are in getClassProgress (all at once) and getStudentProgress (one by one).',
  tags: ['classes'],
  auth: 'user',
  params: classParams,
  query: pageQuerySchema,
  response: memberPageSchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, params, query }) => listMembers(actor, params.classId, query),
});

export const removeStudentOp = defineOperation({
  operationId: 'removeStudent',
  method: 'DELETE',
  path: '/classes/{classId}/members/{studentId}',
  summary: 'Remove a student from the class',
  description:
    'The student keeps their deck and history; the class no longer shows them and they no longer see the ' +
    'class. 404 for someone who is not an active member.',
  tags: ['classes'],
  auth: 'user',
  params: studentParams,
  response: memberRemovedSchema,
  errors: ['forbidden', 'not_found'],
  handler: async ({ actor, params, now }) => {
    await removeStudent(actor, params.classId, params.studentId, now);
    return { studentId: params.studentId, removed: true as const };
  },
});

export const listStudentReviewsOp = defineOperation({
  operationId: 'listStudentReviews',
  method: 'GET',
  path: '/classes/{classId}/students/{studentId}/reviews',
  summary: 'A student’s answers to the class’s course, newest first, paged by cursor (instructors)',
  description:
    'Only answers to questions of the class’s course: a student’s other courses are not the instructor’s to ' +
    'see. Same rows as the student’s own listReviews.',
  tags: ['classes'],
  auth: 'user',
  params: studentParams,
  query: pageQuerySchema,
  response: reviewPageSchema,
  errors: ['forbidden', 'not_found'],
  handler: ({ actor, params, query }) => listStudentReviews(actor, params.classId, params.studentId, query),
});
