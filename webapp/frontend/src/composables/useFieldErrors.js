import { computed, nextTick, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError } from '../api/http.js'
import { fieldErrorsOf } from '../utils/enterprise.js'

/**
 * Validation of an el-form with one rule per field: the form's own client check first, then the server's verdict on
 * the value that was sent. A server field error stays under its field while the field holds the refused value (the
 * value's key as sent), so editing the field clears it; errors naming a field the form does not show are listed apart.
 *
 * Options:
 *   formRef        ref of the el-form
 *   fields         form props (= REST field names) that get a rule and can show a server error
 *   clientProblem  (prop) => message of the client check, or ''
 *   valueKey       (prop) => key of the field's value as it is sent (a server error holds while the key is unchanged)
 *   errorText      (error) => localized text of a server field error
 *   separatorKey   i18n key joining two server errors of one field
 *   otherKey       i18n key of an error of another field ({field, text})
 *   labelPrefix    i18n key prefix of a field's label, e.g. 'disposals.fields.'
 *   failureTitle   (err, n) => title of the failure banner (n: number of field errors of the failed call)
 *   requiredProps  when given, each rule carries required: whether its prop is in the list (the asterisk)
 *   accepts        (prop) => whether a server error of the prop is shown under its field now (default: always)
 *   scrollToError  scroll to the first field with a server error
 *
 * Returns the state (serverErrors: prop -> {text, sent}; otherErrors; failure: the failed call), the rules, the texts
 * of the failure banner and applyServerErrors / resetErrors / clearErrors.
 */
export function useFieldErrors({
  formRef,
  fields,
  clientProblem,
  valueKey,
  errorText,
  separatorKey,
  otherKey,
  labelPrefix,
  failureTitle: titleOf,
  requiredProps = null,
  accepts = () => true,
  scrollToError = false
}) {
  const { t, te, locale } = useI18n()

  const serverErrors = shallowRef({}) // prop -> {text, sent}
  const otherErrors = shallowRef([])
  const failure = shallowRef(null)

  function rule(prop) {
    const r = {
      validator: (_rule, _value, callback) => {
        const problem = clientProblem(prop)
        if (problem) return callback(new Error(problem))
        const entry = serverErrors.value[prop]
        if (entry && entry.sent === valueKey(prop)) return callback(new Error(entry.text))
        callback()
      },
      trigger: ['blur', 'change']
    }
    // The asterisk of a required field comes from its rule: the form item's own `required` would add a rule of its
    // own, with the validator library's English message.
    return requiredProps ? { required: requiredProps.includes(prop), ...r } : r
  }

  const rules = computed(() => {
    // Read the locale so that messages follow the language switch.
    void locale.value
    return Object.fromEntries(fields.map((prop) => [prop, [rule(prop)]]))
  })

  async function applyServerErrors(list) {
    const byProp = {}
    const others = []
    for (const error of list) {
      const prop = fields.includes(error.field) ? error.field : null
      if (!prop || !accepts(prop)) {
        others.push(error)
        continue
      }
      const text = errorText(error)
      if (byProp[prop]) byProp[prop].text += t(separatorKey) + text
      else byProp[prop] = { text, sent: valueKey(prop) }
    }
    serverErrors.value = byProp
    otherErrors.value = others
    const props = Object.keys(byProp)
    if (!props.length) return
    await nextTick()
    formRef.value?.validateField(props).catch(() => {})
    if (scrollToError) formRef.value?.scrollToField(props[0])
  }

  const otherErrorTexts = computed(() =>
    otherErrors.value.map((e) => {
      const field = String(e.field ?? '')
      const key = `${labelPrefix}${field}`
      const label = field && te(key) ? t(key) : field
      const text = errorText(e)
      return label ? t(otherKey, { field: label, text }) : text
    })
  )

  const failureTitle = computed(() => {
    const err = failure.value
    if (!err) return ''
    return titleOf(err, (fieldErrorsOf(err) || []).length)
  })

  const failureMessage = computed(() => {
    const err = failure.value
    if (!err || (fieldErrorsOf(err) || []).length) return ''
    return describeError(err, t)
  })

  /** Forgets the last failure and its errors (the messages shown stay until the next validation). */
  function resetErrors() {
    serverErrors.value = {}
    otherErrors.value = []
    failure.value = null
  }

  /** Forgets the last failure and its errors, and removes the messages shown. */
  function clearErrors() {
    resetErrors()
    formRef.value?.clearValidate()
  }

  return {
    serverErrors,
    otherErrors,
    failure,
    rules,
    otherErrorTexts,
    failureTitle,
    failureMessage,
    applyServerErrors,
    resetErrors,
    clearErrors
  }
}
