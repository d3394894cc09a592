"""The minutes mode of one meeting: attendance, notes and besluit per agenda item, typed
fast while people talk and saved as they are typed."""
