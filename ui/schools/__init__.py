"""schools"""
