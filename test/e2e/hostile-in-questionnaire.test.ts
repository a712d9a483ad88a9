/** The hostile-input corpus at a text step and a button step of the questionnaire (see test/support/hostile-suite.ts). */
import { hostileSuite } from "../support/hostile-suite.js";

hostileSuite(["text_step", "button_step"], 9700);
