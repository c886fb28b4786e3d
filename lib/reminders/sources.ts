import 'server-only';
import { leaveDeadlineReminders } from '@/lib/leave/reminders';
import type { ReminderSource } from './index';

/** Every area's reminder source, in the order the command reports them. One line per area. */
export const reminderSources: readonly ReminderSource[] = [leaveDeadlineReminders];
