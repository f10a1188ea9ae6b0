/** The FormApp service module (emulator/registry.ts lists it). */
import type { ServiceModule } from '../../service-module';
import { Form } from './form';
import { FormApp } from './form-app';
import { FormResponse } from './form-response';

export const FORM_SERVICE: ServiceModule = {
  global: 'FormApp',
  messagePrefix: 'FormApp',
  namespaces: ['Forms'],
  create: (ctx) => new FormApp(ctx.env),
  samples: (ctx) => {
    const app = new FormApp(ctx.env);
    let n = 0;
    const form = new Form(ctx.env.newId('1form'), 'f', ctx.env, () => ++n);
    const text = form.addTextItem().setTitle('t');
    const choice = form.addMultipleChoiceItem();
    form.addListItem();
    form.addParagraphTextItem();
    form.addDateTimeItem();
    form.addSectionHeaderItem();
    form.addCheckboxItem();
    form.addPageBreakItem();
    form.setPublished(true);
    const { response } = form._submit({ answers: { t: 'x' } });
    const formResponse = new FormResponse(response, form);
    return [
      app,
      form,
      ...form.getItems(),
      text,
      choice,
      form.getItems()[2].asListItem(),
      form.getItems()[3].asParagraphTextItem(),
      form.getItems()[4].asDateTimeItem(),
      form.getItems()[5].asSectionHeaderItem(),
      form.getItems()[6].asCheckboxItem(),
      form.getItems()[7].asPageBreakItem(),
      choice.createChoice('a'),
      app.createTextValidation(),
      app.createParagraphTextValidation(),
      app.createTextValidation().requireNumber().build(),
      formResponse,
      ...formResponse.getItemResponses(),
    ].filter((o, i, all) => all.findIndex((x) => x._className === o._className) === i);
  },
  costs: [
    { match: /^FormApp\.(openById|openByUrl|create)$/, ms: 300, source: 'assumption' },
    { match: /^(Form|\w+Item)\.(add|set|delete|move)\w*$/, ms: 80, source: 'assumption' },
  ],
};
