import { GuardianshipSchema, PersonSchema } from '../people/personEntities'
import { PersonMergeSchema } from '../people/mergeSnapshot'
import { AuditEntrySchema } from '../audit/auditEntry'
import { SettingEntrySchema } from '../settings/settingEntry'
import { RoleGrantSchema, RoleSchema, StaffUserSchema } from '../staff/staffEntities'
import { UnitSchema } from '../units/unitEntity'
import { ClosureSchema, SchoolYearSchema, TermSchema } from '../calendar/calendarEntities'
import {
  ActivityLeaderSchema,
  ActivitySchema,
  ActivitySessionSchema,
  ActivitySlotSchema,
  PlaceSchema,
  PriceOptionSchema,
} from '../activities/activityEntities'
import { EnrolmentChangeSchema, EnrolmentSchema, FeeEventSchema, NoticeSchema } from '../enrolments/enrolmentEntities'
import { Initial1763700000000 } from './migrations/1763700000000-Initial'
import { StaffAndUnits1763800000000 } from './migrations/1763800000000-StaffAndUnits'
import { People1763900000000 } from './migrations/1763900000000-People'
import { RecordVersions1764000000000 } from './migrations/1764000000000-RecordVersions'
import { MergeErasePermissions1764000100000 } from './migrations/1764000100000-MergeErasePermissions'
import { PersonMerge1764000110000 } from './migrations/1764000110000-PersonMerge'
import { RegisterSorts1764000200000 } from './migrations/1764000200000-RegisterSorts'
import { SearchTermFilters1764000300000 } from './migrations/1764000300000-SearchTermFilters'
import { Activities1764100000000 } from './migrations/1764100000000-Activities'

/** Listed explicitly: bundling breaks TypeORM's glob loading. */
export const entities = [
  SettingEntrySchema,
  AuditEntrySchema,
  UnitSchema,
  StaffUserSchema,
  RoleSchema,
  RoleGrantSchema,
  PersonSchema,
  GuardianshipSchema,
  PersonMergeSchema,
  SchoolYearSchema,
  TermSchema,
  ClosureSchema,
  PlaceSchema,
  ActivitySchema,
  ActivitySlotSchema,
  ActivityLeaderSchema,
  PriceOptionSchema,
  ActivitySessionSchema,
  EnrolmentSchema,
  EnrolmentChangeSchema,
  FeeEventSchema,
  NoticeSchema,
]
export const migrations = [
  Initial1763700000000,
  StaffAndUnits1763800000000,
  People1763900000000,
  RecordVersions1764000000000,
  MergeErasePermissions1764000100000,
  PersonMerge1764000110000,
  RegisterSorts1764000200000,
  SearchTermFilters1764000300000,
  Activities1764100000000,
]
