"""visits"""
