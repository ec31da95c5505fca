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
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
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
