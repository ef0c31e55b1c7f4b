import type { MigrationInterface, QueryRunner } from 'typeorm'

const NEW_PERMISSIONS = ['people.merge', 'people.erase']

/** Roles store their permissions as a JSON array: read, change and write back each one. */
async function rewriteRoles(db: QueryRunner, change: (permissions: string[]) => string[]): Promise<void> {
  const roles: { id: number; permissions: string }[] = await db.query('SELECT id, permissions FROM role')
  for (const role of roles) {
    const before = JSON.parse(role.permissions) as string[]
    const after = change(before)
    if (after.length !== before.length) {
      await db.query('UPDATE role SET permissions = ? WHERE id = ?', [JSON.stringify(after), role.id])
    }
  }
}

/**
 * Merging and erasing used to need only people.edit. They now have permissions of their own;
 * whoever administers the installation keeps being able to do both, nobody else gains them.
 */
export class MergeErasePermissions1764000100000 implements MigrationInterface {
  name = 'MergeErasePermissions1764000100000'

  async up(db: QueryRunner): Promise<void> {
    await rewriteRoles(db, (permissions) =>
      permissions.includes('settings.admin')
        ? [...permissions, ...NEW_PERMISSIONS.filter((permission) => !permissions.includes(permission))]
        : permissions,
    )
  }

  async down(db: QueryRunner): Promise<void> {
    await rewriteRoles(db, (permissions) => permissions.filter((permission) => !NEW_PERMISSIONS.includes(permission)))
  }
}
