/**
 * Understanding answers: spotting confusion, vague answers, safeguarding disclosures and abuse; explaining a question
 * more simply and probing a vague answer once, with an optional chat model; labelling answers. Without a model it
 * uses keywords and an in-process embedding model, and the conversation never waits on a slow or failing model.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Understanding")
package org.covenantvoices.understanding;
