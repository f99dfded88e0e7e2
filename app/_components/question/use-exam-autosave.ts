'use client';
/**
 * Mock exams save as the student goes: every change to the answer is saved (typed answers after a short pause, so
 * a word is not saved letter by letter). Nothing is saved until the student changes something: an ordering starts
 * with a complete answer that is not theirs yet.
 */
import { useEffect, useRef, useState, useTransition, type TransitionStartFunction } from 'react';
import type { Response } from '@/lib/domain/item-view';

export interface ExamMode {
  save: (response: Response) => Promise<{ ok: true } | { ok: false; message: string }>;
  initial: Response | null;
  locked: boolean;
}

const TYPING_PAUSE_MS = 600;

export function useExamAutosave(
  exam: ExamMode | undefined,
  response: Response | null,
  typed: boolean,
  onError: (message: string | null) => void,
): {
  savedState: 'saved' | 'dirty' | null;
  saveNow: (response: Response) => void;
  pending: boolean;
  startTransition: TransitionStartFunction;
} {
  const [savedState, setSavedState] = useState<'saved' | 'dirty' | null>(exam?.initial ? 'saved' : null);
  const [pending, startTransition] = useTransition();
  const lastSaved = useRef(exam?.initial ? JSON.stringify(exam.initial) : '');
  const touched = useRef(false);
  const serialized = response ? JSON.stringify(response) : '';

  const save = (r: Response) =>
    startTransition(async () => {
      const outcome = await exam!.save(r);
      if (outcome.ok) {
        lastSaved.current = JSON.stringify(r);
        setSavedState('saved');
        onError(null);
      } else onError(outcome.message);
    });

  useEffect(() => {
    if (!touched.current) {
      touched.current = true;
      return;
    }
    if (!exam || exam.locked || !response || serialized === lastSaved.current) return;
    setSavedState('dirty');
    const handle = setTimeout(() => save(response), typed ? TYPING_PAUSE_MS : 0);
    return () => clearTimeout(handle);
    // The answer is compared by value: a new object with the same answer is not a change.
  }, [serialized]);

  return { savedState, saveNow: save, pending, startTransition };
}
