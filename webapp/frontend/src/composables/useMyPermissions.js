import { computed, onMounted } from 'vue'
import { loadMe, me } from '../auth/me.js'

/**
 * Permissions of the signed-in user (the profile of GET /api/auth/me kept by auth/me.js, loaded if it is not yet):
 * a Set of codes, or null while unknown (not loaded, or the call failed: the server stays the judge, and the UI then
 * offers everything).
 */
export function useMyPermissions() {
  const permissions = computed(() => (Array.isArray(me.profile?.permissions) ? new Set(me.profile.permissions) : null))

  onMounted(() => {
    loadMe().catch(() => {})
  })

  /** Whether the user holds a permission; true while unknown. */
  function has(code) {
    return permissions.value ? permissions.value.has(code) : true
  }

  return { permissions, has }
}
