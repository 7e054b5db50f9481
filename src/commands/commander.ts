// commander, required rather than imported: it is CommonJS, and Node's ESM loader translates a
// CommonJS package on import (resolving its exports map, lexing its export names), which costs
// about 5 ms of every start; a command against the index takes little more than that start.

import { createRequire } from "node:module";
import type * as Commander from "commander";

const commander = createRequire(import.meta.url)("commander") as typeof Commander;

export const Argument: typeof Commander.Argument = commander.Argument;
export type Argument = Commander.Argument;
export const Command: typeof Commander.Command = commander.Command;
export type Command = Commander.Command;
export const CommanderError: typeof Commander.CommanderError = commander.CommanderError;
export type CommanderError = Commander.CommanderError;
export const Option: typeof Commander.Option = commander.Option;
export type Option = Commander.Option;
