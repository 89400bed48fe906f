// Starts GOV.UK Frontend's components (menus, password reveal, tabs, error summary focus...).
import { initAll } from '/assets/govuk/govuk-frontend.min.js'

initAll()
