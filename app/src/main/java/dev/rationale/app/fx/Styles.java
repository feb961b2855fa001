// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

/**
 * The style-class names the views use, in one place so the theme stylesheets ({@code themes/*.css}) and the code
 * agree on them. Names are kebab-case and start with the feature they belong to.
 */
public final class Styles {

    public static final String SHELL_PLACEHOLDER = "shell-placeholder";
    public static final String SHELL_PLACEHOLDER_TITLE = "shell-placeholder-title";
    public static final String SHELL_PLACEHOLDER_BODY = "shell-placeholder-body";
    public static final String SHELL_STATUS_BAR = "shell-status-bar";
    public static final String SHELL_STATUS_TEXT = "shell-status-text";
    public static final String SHELL_STATUS_THEME = "shell-status-theme";
    public static final String SHELL_ABOUT = "shell-about";
    public static final String SHELL_BADGE = "shell-badge";
    public static final String SHELL_BADGE_DOT = "shell-badge-dot";

    public static final String ENDPOINTS_DIALOG = "endpoints-dialog";
    public static final String ENDPOINTS = "endpoints";
    public static final String ENDPOINTS_SIDEBAR = "endpoints-sidebar";
    public static final String ENDPOINTS_LIST = "endpoints-list";
    public static final String ENDPOINTS_LIST_NAME = "endpoints-list-name";
    public static final String ENDPOINTS_LIST_DETAIL = "endpoints-list-detail";
    public static final String ENDPOINTS_EDITOR = "endpoints-editor";
    public static final String ENDPOINTS_FORM = "endpoints-form";
    public static final String ENDPOINTS_TITLE = "endpoints-title";
    public static final String ENDPOINTS_FIELD_LABEL = "endpoints-field-label";
    public static final String ENDPOINTS_ERROR = "endpoints-error";
    public static final String ENDPOINTS_HINT = "endpoints-hint";
    public static final String ENDPOINTS_POOL = "endpoints-pool";
    public static final String ENDPOINTS_POOL_HEALTH = "endpoints-pool-health";
    public static final String ENDPOINTS_TEST = "endpoints-test";
    public static final String ENDPOINTS_TEST_SUMMARY = "endpoints-test-summary";
    public static final String ENDPOINTS_TEST_FAILED = "endpoints-test-failed";
    public static final String ENDPOINTS_CAPABILITIES = "endpoints-capabilities";
    public static final String ENDPOINTS_CAPABILITY_YES = "endpoints-capability-yes";
    public static final String ENDPOINTS_CAPABILITY_NO = "endpoints-capability-no";
    public static final String ENDPOINTS_CAPABILITY_DETAIL = "endpoints-capability-detail";
    public static final String ENDPOINTS_STATUS = "endpoints-status";
    public static final String ENDPOINTS_STATUS_ERROR = "endpoints-status-error";

    public static final String FIRST_RUN_DIALOG = "first-run-dialog";
    public static final String FIRST_RUN = "first-run";
    public static final String FIRST_RUN_INTRO = "first-run-intro";
    public static final String FIRST_RUN_COLUMN = "first-run-column";
    public static final String FIRST_RUN_SECTION = "first-run-section";
    public static final String FIRST_RUN_SECTION_TITLE = "first-run-section-title";
    public static final String FIRST_RUN_TEXT = "first-run-text";
    public static final String FIRST_RUN_MODELS = "first-run-models";
    public static final String FIRST_RUN_MODEL_NAME = "first-run-model-name";
    public static final String FIRST_RUN_MODEL_META = "first-run-model-meta";
    public static final String FIRST_RUN_MODEL_DESCRIPTION = "first-run-model-description";
    public static final String FIRST_RUN_PROGRESS = "first-run-progress";
    public static final String FIRST_RUN_PROGRESS_TEXT = "first-run-progress-text";
    public static final String FIRST_RUN_CHECKSUM = "first-run-checksum";
    public static final String FIRST_RUN_CHECKSUM_VERIFIED = "first-run-checksum-verified";
    public static final String FIRST_RUN_ERROR = "first-run-error";
    public static final String FIRST_RUN_SERVER = "first-run-server";
    public static final String FIRST_RUN_SERVER_NAME = "first-run-server-name";
    public static final String FIRST_RUN_SERVER_URL = "first-run-server-url";
    public static final String FIRST_RUN_CODE = "first-run-code";

    public static final String COMPOSE = "compose";
    public static final String COMPOSE_TOOLBAR = "compose-toolbar";
    public static final String COMPOSE_PICKER_LABEL = "compose-picker-label";
    public static final String COMPOSE_SPLIT = "compose-split";
    public static final String COMPOSE_EDITOR = "compose-editor";
    public static final String COMPOSE_EDITOR_SCROLL = "compose-editor-scroll";
    public static final String COMPOSE_SECTION = "compose-section";
    public static final String COMPOSE_SECTION_HEADER = "compose-section-header";
    public static final String COMPOSE_SECTION_TITLE = "compose-section-title";
    public static final String COMPOSE_FIELD_LABEL = "compose-field-label";
    public static final String COMPOSE_HINT = "compose-hint";
    public static final String COMPOSE_ADAPTATION = "compose-adaptation";
    public static final String COMPOSE_TEMPLATE = "compose-template";
    public static final String COMPOSE_TEMPLATE_FRAME = "compose-template-frame";
    public static final String COMPOSE_TEMPLATE_VARIABLE = "compose-template-variable";
    public static final String COMPOSE_TEMPLATE_SECTION = "compose-template-section";
    public static final String COMPOSE_TEMPLATE_COMMENT = "compose-template-comment";
    public static final String COMPOSE_TEMPLATE_INVALID = "compose-template-invalid";
    public static final String COMPOSE_EXEMPLARS = "compose-exemplars";
    public static final String COMPOSE_EXEMPLAR_ID = "compose-exemplar-id";
    public static final String COMPOSE_EXEMPLAR_OFF = "compose-exemplar-off";
    public static final String COMPOSE_EXEMPLAR_DROP_TARGET = "compose-exemplar-drop-target";
    public static final String COMPOSE_BUTTON_BAR = "compose-button-bar";
    public static final String COMPOSE_EXPECTED = "compose-expected";
    public static final String COMPOSE_PREVIEW_PANE = "compose-preview-pane";
    public static final String COMPOSE_PREVIEW = "compose-preview";
    public static final String COMPOSE_PREVIEW_FAILED = "compose-preview-failed";
    public static final String COMPOSE_PREVIEW_UPDATING = "compose-preview-updating";
    public static final String COMPOSE_TOKEN_COUNT = "compose-token-count";

    private Styles() {
    }
}
