package org.covenantvoices.conversation;

import java.util.ArrayList;
import java.util.List;

import org.covenantvoices.plainlanguage.SmsSegments;
import org.covenantvoices.support.Client;
import org.covenantvoices.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A Welsh speaker takes part wholly in Welsh, on equal terms, including STOP and FORGET. */
class WelshConversationTests extends IntegrationTest {

	@Test
	void theWholeConversationInWelsh() {
		Client.Phone phone = client.phone(newNumber());
		List<String> sent = new ArrayList<>();

		List<String> first = phone.send("Helo");
		assertThat(first.get(0)).contains("Tecstiwch CYMRAEG am Gymraeg");

		sent.addAll(phone.send("Cymraeg"));
		assertThat(sent.get(0)).startsWith("Helo! Dyma Covenant Voices").contains("Text ENGLISH for English");
		assertThat(sent.get(1)).contains("Atebwch IE i ddechrau");
		assertThat(last(sent, phone.send("ie"))).contains("Ydych chi'n ateb ar ran");
		assertThat(last(sent, phone.send("2"))).contains("Faint o bobl");
		assertThat(last(sent, phone.send("9"))).contains("Ble ydych chi?");
		assertThat(last(sent, phone.send("Cymru"))).contains("Pa dref");
		List<String> principles = phone.send("Aberystwyth");
		sent.addAll(principles);
		assertThat(String.join(" ", principles)).contains("Cydnabod", "Partneriaeth", "Cyfranogi", "Tryloywder");
		assertThat(principles.get(principles.size() - 1)).startsWith("Cwestiwn 1 o 6");
		assertThat(last(sent, phone.send("ddim yn siwr"))).startsWith("Pam?");
		assertThat(last(sent, phone.send("Mae angen mwy o arian"))).startsWith("Cwestiwn 2 o 6");
		assertThat(phone.send("ESBONIO").get(0)).startsWith("Meddyliwch am adeg");
		assertThat(last(sent, phone.send("Cyfarfodydd rheolaidd"))).startsWith("Cwestiwn 3 o 6");
		assertThat(phone.send("CYMORTH").get(0)).contains("SGIP", "NOL", "STOPIO", "ANGHOFIO");
		assertThat(last(sent, phone.send("Gormod o waith papur"))).startsWith("Cwestiwn 4 o 6");
		assertThat(phone.send("ETO").get(0)).startsWith("Cwestiwn 4 o 6");
		assertThat(phone.last("sgip")).startsWith("Cwestiwn 5 o 6");
		assertThat(phone.last("nôl")).startsWith("Cwestiwn 4 o 6");
		assertThat(last(sent, phone.send("Adroddiad bob blwyddyn"))).startsWith("Cwestiwn 5 o 6");
		assertThat(last(sent, phone.send("Rhannu straeon"))).startsWith("Cwestiwn 6 o 6");
		assertThat(last(sent, phone.send("Grantiau hirach"))).contains("unrhyw beth arall");
		assertThat(last(sent, phone.send("na"))).contains("Cyfamod yn cael ei gyhoeddi");
		assertThat(last(sent, phone.send("ie plis"))).startsWith("Diolch!");

		String participant = participantOf(phone);
		assertThat(jdbc.sql("SELECT language FROM participants WHERE id = ?").param(participant)
			.query(String.class).single()).isEqualTo("cy");
		assertThat(jdbc.sql("SELECT count(*) FROM contributions WHERE participant_id = ? AND language = 'cy' "
				+ "AND superseded_at IS NULL").param(participant).query(Long.class).single()).isEqualTo(6);
		assertThat(jdbc.sql("SELECT DISTINCT language FROM consent_records WHERE participant_id = ?")
			.param(participant).query(String.class).list()).containsExactly("cy");

		int segments = sent.stream().mapToInt(text -> SmsSegments.of(text).segments()).sum();
		// 19 on the shortest path (see PlainLanguageGateTests), plus the group-size question.
		assertThat(segments).as("segments of a whole Welsh conversation").isLessThanOrEqualTo(20);

		assertThat(phone.send("STOPIO")).singleElement().asString().startsWith("Fyddwch chi ddim yn cael mwy");
		assertThat(phone.send("helo")).isEmpty();
		assertThat(phone.send("DECHRAU").get(0)).startsWith("Croeso nôl");
		assertThat(phone.send("ANGHOFIO").get(0)).contains("Atebwch IE i ddileu");
		assertThat(phone.send("ie")).singleElement().asString().startsWith("Wedi'i wneud");
		assertThat(jdbc.sql("SELECT status FROM participants WHERE id = ?").param(participant)
			.query(String.class).single()).isEqualTo("erased");
	}

	private static String last(List<String> sent, List<String> replies) {
		sent.addAll(replies);
		return replies.get(replies.size() - 1);
	}
}
