import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";

const { DateTime } = luxon;

registry.category("web_tour.tours").add("mgp_accompaniment_case_tour", {
    url: "/odoo/action-mgp_accompaniment.mgp_accompaniment_action",
    steps: () => [
        {
            content: "Switch to the kanban by state",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "Every state has its column",
            trigger: ".o_kanban_group:nth-child(7)",
        },
        {
            content: "Back to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Register an agreed plan",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the person",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit Тестов",
        },
        {
            content: "Pick the person in the dropdown",
            trigger: ".o-autocomplete--dropdown-item a:contains('Тестов Тест')",
            run: "click",
        },
        {
            content: "Date the plan was agreed",
            trigger: ".o_field_widget[name='plan_agreed_date'] input",
            // typed in the user's date format (Russian: 31.10.2025)
            run: `edit ${formatDate(DateTime.fromISO("2025-10-31"))}`,
        },
        {
            content: "Personal file",
            trigger: ".o_field_widget[name='personal_file_number'] input",
            run: "edit ЛД-тур",
        },
        {
            content: "Plan an activity",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the activity",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='activity_id'] input",
            run: "edit Обсуждение",
        },
        {
            content: "Pick it in the catalogue",
            trigger: ".o-autocomplete--dropdown-item a:contains('Обсуждение времени')",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Open the documents of the case",
            trigger: ".o_notebook a[name='documents']",
            run: "click",
        },
        {
            content: "Check the first document",
            trigger: ".o_field_widget[name='mgp_document_line_ids'] .o_data_row:nth-child(1) button[name='action_mark_checked']",
            run: "click",
        },
        {
            content: "Check the second document",
            trigger: ".o_field_widget[name='mgp_document_line_ids']:not(:has(.o_data_row:nth-child(1) button[name='action_mark_checked'])) .o_data_row:nth-child(2) button[name='action_mark_checked']",
            run: "click",
        },
        {
            content: "Every document is checked",
            trigger: ".o_field_widget[name='mgp_document_line_ids']:not(:has(button[name='action_mark_checked']))",
        },
        {
            content: "Decide on the need",
            trigger: "button[name='action_open_need_wizard']:not(:disabled)",
            run: "click",
        },
        {
            content: "The person needs accompaniment",
            trigger: ".modal .o_field_widget[name='decision'] input[data-value='needed']",
            run: "click",
        },
        {
            content: "Confirm the decision",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The case waits for the assignment",
            trigger: "button[name='action_open_assign_wizard']",
            run: "click",
        },
        {
            content: "The NGOs of the registry are ranked",
            trigger: ".modal .o_field_widget[name='candidate_ids'] .o_data_row",
        },
        {
            content: "Appoint the accompanying employee",
            trigger: ".modal .o_field_widget[name='responsible_user_id'] input",
            run: "edit Mgp Specialist 2",
        },
        {
            content: "Pick the employee",
            trigger: ".o-autocomplete--dropdown-item a:contains('Mgp Specialist 2')",
            run: "click",
        },
        {
            content: "Confirm the assignment",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Back to the activities",
            trigger: ".o_notebook a[name='lines']",
            run: "click",
        },
        {
            content: "The employee performs the activity",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Mgp Specialist 2')",
        },
        {
            content: "The assignment deadline is tracked",
            trigger: ".o_notebook .nav-link[name='deadlines']",
            run: "click",
        },
        {
            content: "The deadlines are listed",
            trigger: ".o_field_widget[name='deadline_ids'] .o_data_row",
        },
    ],
});
