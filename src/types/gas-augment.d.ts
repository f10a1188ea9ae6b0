/**
 * Members Apps Script has that @types/google-apps-script (2.0.x) does not declare yet. Each is
 * documented by Google:
 * - Form.setPublished / isPublished / supportsAdvancedResponderPermissions:
 *   https://developers.google.com/apps-script/reference/forms/form#setPublished(Boolean)
 *   and https://developers.google.com/workspace/forms/api/guides/publish-form
 * - Form.setEmailCollectionType / getEmailCollectionType, FormApp.EmailCollectionType:
 *   https://developers.google.com/apps-script/reference/forms/email-collection-type
 */
declare namespace GoogleAppsScript {
  namespace Forms {
    enum EmailCollectionType {
      DO_NOT_COLLECT,
      VERIFIED,
      RESPONDER_INPUT,
    }
    interface Form {
      setPublished(enabled: boolean): Form;
      isPublished(): boolean;
      supportsAdvancedResponderPermissions(): boolean;
      setEmailCollectionType(type: EmailCollectionType): Form;
      getEmailCollectionType(): EmailCollectionType;
    }
    interface FormApp {
      EmailCollectionType: typeof EmailCollectionType;
    }
  }
}
